// Preloaded into the measured server processes (node --require): reports the process's own
// heap usage a few times a second on file descriptor 3, a pipe the benchmark runner opened, so
// the runner can show heap as well as RSS for servers that expose no heap figure of their own.
// The socket writes are asynchronous and the timer is unref'd: it neither blocks nor keeps a
// server alive.
const net = require('node:net');
const v8 = require('node:v8');

if (process.env.BENCH_MEMORY_FD === '3') {
  const INTERVAL_MS = 500;
  const out = new net.Socket({ fd: 3, readable: false, writable: true });
  out.on('error', () => clearInterval(timer));
  out.unref();
  // v8.getHeapStatistics() reads the heap only; process.memoryUsage() would also read /proc.
  const report = () => {
    const h = v8.getHeapStatistics();
    out.write(`${JSON.stringify({ heapUsed: h.used_heap_size, heapTotal: h.total_heap_size })}\n`);
  };
  const timer = setInterval(report, INTERVAL_MS);
  timer.unref();
  report();
}
