/**
 * The server's clock as seen from this device, so every screen counts a timer down to the same
 * second even when laptop clocks disagree. The offset (server minus device) comes from
 * `GET /api/time`: of a few samples, the one with the shortest round trip is trusted, taking the
 * server's reading to be from the middle of that trip.
 *
 * Public API
 *   serverClock            one shared clock for the page
 *   serverClock.now        estimated server time in epoch ms, refreshed a few times a second ($state)
 *   serverClock.offset     server minus device, ms                                          ($state)
 *   serverClock.synced     an estimate has been made                                        ($state)
 *   serverClock.resync()
 */
import { fetchServerTime } from '$lib/api';

const SAMPLES = 4;
/** Fast enough that a countdown never shows a second late by more than this. */
const TICK_MS = 100;
/** Clocks drift and laptops sleep: estimate again now and then. */
const RESYNC_MS = 5 * 60_000;

export class ServerClock {
  offset = $state(0);
  synced = $state(false);
  now = $state(Date.now());

  #started = false;

  /** Starts ticking and estimating on first use (nothing runs for pages without a timer). */
  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    setInterval(() => {
      this.now = Date.now() + this.offset;
    }, TICK_MS);
    setInterval(() => void this.resync(), RESYNC_MS);
    window.addEventListener('online', () => void this.resync());
    void this.resync();
  }

  async resync(): Promise<void> {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < SAMPLES; i++) {
      const sent = Date.now();
      let server: number;
      try {
        server = await fetchServerTime();
      } catch {
        continue;
      }
      const received = Date.now();
      const rtt = received - sent;
      if (!best || rtt < best.rtt) best = { rtt, offset: server - (sent + received) / 2 };
    }
    if (!best) return;
    this.offset = Math.round(best.offset);
    this.synced = true;
    this.now = Date.now() + this.offset;
  }
}

export const serverClock = new ServerClock();
