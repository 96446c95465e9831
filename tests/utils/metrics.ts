/**
 * One series of a test server's /metrics, read as Prometheus prints a series without labels:
 * `<name> <value>`. Throws when the series is missing, so a metric renamed on the server fails the
 * test that reads it instead of leaving it to compare NaN.
 */
export const metricValue = async (server: { fetch(pathAndQuery: string): Promise<Response> }, name: string): Promise<number> => {
  const text = await (await server.fetch('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} is not in /metrics`);
  return Number(line.slice(name.length + 1).split(' ')[0]);
};
