/** The parts of Plenary's HTTP contract the benchmark uses: creating a workshop, the sync URL. */

export interface Workshop {
  id: string;
  boards: { id: string; theme: string }[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

export const createWorkshop = async (httpBase: string, title: string, themes: string[]): Promise<Workshop> => {
  const res = await fetch(`${httpBase}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, themes })
  });
  if (res.status !== 201) throw new Error(`POST /api/workshops answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Workshop;
};

export const syncUrl = (port: number, boardId: string, token: string): string =>
  `ws://127.0.0.1:${port}/sync/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
