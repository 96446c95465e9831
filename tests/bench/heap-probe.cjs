// Preloaded into the measured server processes (node --require): writes the process's own
// memory usage to BENCH_MEMORY_FILE a few times a second, so the runner can report heap as well
// as RSS for servers that expose no heap figure of their own. The timer is unref'd: it never
// keeps a server alive.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const INTERVAL_MS = 200;
  const write = () => {
    try {
      writeFileSync(file, JSON.stringify(process.memoryUsage()));
    } catch {
      // The runner may have removed its temporary directory already.
    }
  };
  write();
  setInterval(write, INTERVAL_MS).unref();
}
