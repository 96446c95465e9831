/**
 * A load process the bench drives by request and answer over IPC (fan-out load, reconnect storms):
 * one request at a time, answered by one message; `{ type: 'error' }` rejects it. Forked through
 * tsx and tracked, so an interrupted bench leaves no process behind.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { track } from './processes.ts';

export class WorkerProcess<ToWorker extends { type: string }, FromWorker extends { type: string; message?: string }> {
  private readonly child: ChildProcess;
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;

  constructor(
    file: string,
    private readonly label: string
  ) {
    this.child = fork(file, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    track(this.child);
    this.child.on('message', (m: FromWorker) => {
      const w = this.waiting;
      this.waiting = null;
      if (!w) return;
      if (m.type === 'error') w.reject(new Error(`${this.label}: ${m.message}`));
      else w.resolve(m);
    });
    this.child.on('exit', (code) => this.waiting?.reject(new Error(`${this.label} exited (${code})`)));
  }

  request(msg: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.send(msg);
    });
  }

  /** Asks the process to close its sockets and exit (`{ type: 'close' }`); kills it if it has not within 2 s. */
  close(): void {
    if (this.child.connected) this.child.send({ type: 'close' });
    setTimeout(() => this.child.kill('SIGKILL'), 2_000).unref();
  }
}
