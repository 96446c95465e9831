/**
 * The bus of a single process on the embedded store: there is no other instance to reach, so
 * publishing goes nowhere and nothing is ever delivered.
 */
import type { Bus, BusHandler } from './bus.ts';

export class LocalBus implements Bus {
  async subscribe(_doc: string, _onMessage: BusHandler): Promise<void> {}
  async unsubscribe(_doc: string): Promise<void> {}
  async publish(_doc: string, _bytes: Uint8Array): Promise<void> {}
  onReconnect(_cb: () => void): void {}
  async close(): Promise<void> {}
}
