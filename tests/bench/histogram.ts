/**
 * Latency histogram with fixed buckets, so load workers can send their counts to the runner
 * cheaply and the runner can merge them: 0.05 ms steps up to 200 ms, 1 ms steps up to 10 s,
 * 100 ms steps up to 120 s, then one overflow bucket.
 */
const Buckets = {
  fineStepMs: 0.05,
  fineEndMs: 200,
  midStepMs: 1,
  midEndMs: 10_000,
  coarseStepMs: 100,
  coarseEndMs: 120_000
} as const;

const FINE = Math.round(Buckets.fineEndMs / Buckets.fineStepMs);
const MID = Math.round((Buckets.midEndMs - Buckets.fineEndMs) / Buckets.midStepMs);
const COARSE = Math.round((Buckets.coarseEndMs - Buckets.midEndMs) / Buckets.coarseStepMs);
export const HISTOGRAM_SIZE = FINE + MID + COARSE + 1;

const indexOf = (ms: number): number => {
  if (ms < Buckets.fineEndMs) return Math.max(0, Math.floor(ms / Buckets.fineStepMs));
  if (ms < Buckets.midEndMs) return FINE + Math.floor((ms - Buckets.fineEndMs) / Buckets.midStepMs);
  if (ms < Buckets.coarseEndMs) return FINE + MID + Math.floor((ms - Buckets.midEndMs) / Buckets.coarseStepMs);
  return HISTOGRAM_SIZE - 1;
};

/** Upper edge of a bucket, in ms (the value reported for a percentile falling in it). */
const upperEdge = (i: number): number => {
  if (i < FINE) return (i + 1) * Buckets.fineStepMs;
  if (i < FINE + MID) return Buckets.fineEndMs + (i - FINE + 1) * Buckets.midStepMs;
  if (i < FINE + MID + COARSE) return Buckets.midEndMs + (i - FINE - MID + 1) * Buckets.coarseStepMs;
  return Infinity;
};

export const createHistogram = (): number[] => new Array<number>(HISTOGRAM_SIZE).fill(0);

export const record = (h: number[], ms: number): void => {
  h[indexOf(ms)]! += 1;
};

export const merge = (into: number[], from: number[]): void => {
  for (let i = 0; i < HISTOGRAM_SIZE; i++) into[i]! += from[i] ?? 0;
};

export const count = (h: number[]): number => h.reduce((a, b) => a + b, 0);

/** The q-quantile (0..1) in ms; null for an empty histogram. */
export const quantile = (h: number[], q: number): number | null => {
  const total = count(h);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < HISTOGRAM_SIZE; i++) {
    seen += h[i]!;
    if (seen >= rank) return upperEdge(i);
  }
  return Infinity;
};

/** Histograms travel between processes as [index, count] pairs of the non-empty buckets. */
export const pack = (h: number[]): [number, number][] => {
  const out: [number, number][] = [];
  h.forEach((c, i) => {
    if (c > 0) out.push([i, c]);
  });
  return out;
};

export const unpack = (pairs: [number, number][]): number[] => {
  const h = createHistogram();
  for (const [i, c] of pairs) h[i] = c;
  return h;
};
