/** Messages between the benchmark runner and its load worker processes (over the fork IPC channel). */

export interface RoomAssignment {
  /** Room number; clients of room r get the global ids r * clientsPerRoom + 0..clientsPerRoom-1. */
  room: number;
  /** WebSocket URL the room's clients connect to. */
  url: string;
  /**
   * Several instances serving the room (scale-out): client `local` connects to
   * `spread[local % spread.length]` instead of `url`, so one room's clients sit on every instance.
   */
  spread?: string[];
}

export type ToWorker =
  | { type: 'connect'; rooms: RoomAssignment[]; clientsPerRoom: number }
  | { type: 'phase'; phase: number; editsPerSec: number; warmupMs: number; measureMs: number; drainTimeoutMs: number }
  | { type: 'close' };

export interface PhaseReport {
  phase: number;
  /** Measured edits sent (sent during the measurement window). */
  edits: number;
  /** (edit, receiver) pairs expected: every other client of the room, for every measured edit. */
  expectedPairs: number;
  receivedPairs: number;
  /** Latency of each (edit, receiver) pair, packed histogram (see histogram.ts). */
  pairLatency: [number, number][];
  /** Latency until the last receiver of the room had the edit, per fully delivered edit. */
  allLatency: [number, number][];
  /** Latency of the pairs whose sender and receiver sit on different instances (only with `spread`). */
  crossLatency: [number, number][];
  /** CPU time the worker used during the measurement window, ms. */
  cpuMs: number;
  measureMs: number;
  /** Worker event-loop delay p99 during the window (ms): high values would mean the load generator is the bottleneck. */
  loopDelayP99Ms: number;
  /** Connections closed by the server (code: count) since the previous report. */
  closes: Record<string, number>;
  /** Markers that did not match an edit of the receiver's room (should stay 0). */
  strayMarkers: number;
}

export type FromWorker =
  | { type: 'connected'; clients: number; ms: number }
  | { type: 'phase-result'; report: PhaseReport }
  | { type: 'error'; message: string };
