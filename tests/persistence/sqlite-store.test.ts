import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { runStoreContract } from './store-contract.ts';

runStoreContract('sqlite', async () => {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'plenary-sqlite-')), 'nested', 'data');
  return {
    open: async () => new SqliteStore({ dataDir }),
    cleanup: () => rm(dataDir, { recursive: true, force: true })
  };
});
