/** Prometheus metrics (prom-client), served at GET /metrics. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricSources {
  /** Log lines dropped so far because the log's reader was not taking them (log.ts). */
  droppedLogLines?: () => number;
}

export const createMetrics = ({ droppedLogLines }: MetricSources = {}) => {
  const registry = new Registry();
  let droppedReported = 0;
  collectDefaultMetrics({ register: registry, prefix: 'plenary_process_' });
  const m = {
    registry,
    connections: new Gauge({ name: 'plenary_connections', help: 'Open sync connections', registers: [registry] }),
    documentsLoaded: new Gauge({ name: 'plenary_documents_loaded', help: 'Board documents in memory', registers: [registry] }),
    controlDocumentsLoaded: new Gauge({
      name: 'plenary_control_documents_loaded',
      help: 'Workshop control documents (timers, votes, locks) in memory',
      registers: [registry]
    }),
    updatesReceived: new Counter({
      name: 'plenary_updates_received_total',
      help: 'Document updates received from clients',
      registers: [registry]
    }),
    updatesFannedOut: new Counter({
      name: 'plenary_updates_fanned_out_total',
      help: 'Update frames sent to clients (one merged frame per connection per tick)',
      registers: [registry]
    }),
    framesDeflated: new Counter({
      name: 'plenary_sync_frames_deflated_total',
      help: 'Large sync frames deflated (once per frame, whatever the number of devices it goes to)',
      registers: [registry]
    }),
    bytesDeflated: new Counter({
      name: 'plenary_sync_bytes_deflated_total',
      help: 'Bytes of the sync frames deflated, before deflating',
      registers: [registry]
    }),
    peerMessages: new Counter({
      name: 'plenary_peer_messages_total',
      help: 'Messages received from other server instances',
      registers: [registry]
    }),
    closes: new Counter({
      name: 'plenary_connections_closed_total',
      help: 'Connections closed by the server, by close code',
      labelNames: ['code'] as const,
      registers: [registry]
    }),
    storeWriteSeconds: new Histogram({
      name: 'plenary_store_write_seconds',
      help: 'Latency of store appends',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry]
    }),
    storeErrors: new Counter({ name: 'plenary_store_errors_total', help: 'Failed store operations', registers: [registry] }),
    compactions: new Counter({ name: 'plenary_compactions_total', help: 'Log compactions', registers: [registry] }),
    httpRefusals: new Counter({
      name: 'plenary_http_refusals_total',
      help: 'HTTP requests refused by a limit (body size, rate, join-code lock-out, address), by reason',
      labelNames: ['reason'] as const,
      registers: [registry]
    }),
    logLinesDropped: new Counter({
      name: 'plenary_log_lines_dropped_total',
      help: 'Log lines dropped because the log output was not being read (LOG_BUFFER_BYTES waiting)',
      registers: [registry],
      collect() {
        const now = droppedLogLines?.() ?? 0;
        if (now > droppedReported) this.inc(now - droppedReported);
        droppedReported = now;
      }
    })
  };
  return m;
};
export type Metrics = ReturnType<typeof createMetrics>;
