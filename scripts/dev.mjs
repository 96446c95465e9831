// `pnpm dev`: the Plenary server (restarted on change) on :3000 and the web app with hot reload
// on :5173, which proxies /api and /sync to the server. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--watch', '--import', 'tsx', 'server/src/index.ts'], {
    stdio: 'inherit',
    env: { PORT: '3000', ...process.env, WEB_DIR: 'web/build' }
  }),
  spawn('pnpm', ['--filter', '@plenary/web', 'dev', '--host'], { stdio: 'inherit', env: { PLENARY_API: 'http://127.0.0.1:3000', ...process.env } })
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && stop());
