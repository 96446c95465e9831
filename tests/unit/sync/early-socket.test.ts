/**
 * The inline script in web/src/app.html opens a board's sync socket before the app has loaded; it
 * is plain JavaScript in the page, so it cannot import the app's names. This keeps them in step:
 * the sync path, the key that says the device holds a copy of the board (then the app connects
 * only after loading it, and the script must not ask for the whole board), and the bytes of the
 * sync step 1 it sends, which the adopting side (web/src/lib/sync/early-socket.ts) recognises.
 */
import { readFileSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MessageTag, SYNC_PATH } from '@plenary/shared/protocol';
import { EMPTY_STEP1 } from '../../../web/src/lib/sync/early-socket.ts';

const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
const html = read('web/src/app.html');
const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

describe("app.html's early socket script", () => {
  it('is there, and names the sync path the app connects to', () => {
    expect(inline).toContain('__plenaryEarlySocket');
    expect(/\/sync\/\$\{board\[1\]\}/.test(inline)).toBe(true);
    expect(SYNC_PATH).toBe('/sync');
  });

  it("checks the same copy key the board's connection writes", () => {
    expect(/`plenary\.copy\.\$\{board\[1\]\}`/.test(inline)).toBe(true);
    expect(/`plenary\.copy\.\$\{boardId\}`/.test(read('web/src/lib/sync/board-connection.svelte.ts'))).toBe(true);
  });

  it("sends an empty document's sync step 1, the bytes the adopting side skips", () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageTag.sync);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    const step1 = encoding.toUint8Array(encoder);
    expect([...EMPTY_STEP1]).toEqual([...step1]);
    expect(inline).toContain(`new Uint8Array([${[...step1].join(', ')}])`);
  });
});
