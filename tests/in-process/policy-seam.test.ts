/**
 * The seam between the sync core and the workshop's rules (sync/policy.ts), driven in-process: the
 * core calls `afterLoad` once per load, turns a connection away when `beforeJoin` says so (before
 * sending it anything), refuses updates `writeDenied` names (nothing applied, stored or forwarded),
 * closes a connection when its token expires, and tells edits by its clients as events.
 */
import { CloseCode, DenyReason } from '@plenary/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { openPolicy, type PolicyRoom, type SyncPolicy } from '@plenary/server/sync/policy.ts';
import { waitFor } from '../utils/wait.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';

const identity = { scope: 'w1', role: 'delegate', generation: 0, readOnly: false } as const;
const later = () => Date.now() + 60_000;

describe('the sync policy seam (in-process)', () => {
  let core: InProcessCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('calls afterLoad once per load, before anyone joins', async () => {
    const loads: string[] = [];
    const policy: SyncPolicy = {
      ...openPolicy(identity),
      afterLoad: async (room: PolicyRoom) => {
        loads.push(`${room.name}:${room.connections.size}`);
      }
    };
    core = createCore(policy);
    const a = new InProcessClient(core, { boardId: 'b1', ...identity, expiresAt: later() });
    const b = new InProcessClient(core, { boardId: 'b1', ...identity, expiresAt: later() });
    await Promise.all([a.connect(core), b.connect(core)]);
    expect(loads).toEqual(['b1:0']);
  });

  it('turns a connection away when beforeJoin names a close code, sending it nothing', async () => {
    core = createCore({ ...openPolicy(identity), beforeJoin: (_room, conn) => (conn.info.generation < 2 ? CloseCode.tokenRevoked : null) });
    const stale = new InProcessClient(core, { boardId: 'b2', ...identity, generation: 1, expiresAt: later() });
    const current = new InProcessClient(core, { boardId: 'b2', ...identity, generation: 2, expiresAt: later() });
    await stale.connect(core);
    await current.connect(core);
    expect(stale.closedWith).toBe(CloseCode.tokenRevoked);
    expect(stale.synced).toBe(false);
    await waitFor(() => current.synced, 2000, 'the current link syncs');
    expect(core.rooms.get('b2')!.connections.size).toBe(1);
  });

  it('refuses the updates writeDenied names: not applied, not stored, not forwarded', async () => {
    core = createCore({ ...openPolicy(identity), writeDenied: (_room, conn) => (conn.info.role === 'delegate' ? DenyReason.locked : null) });
    const delegate = new InProcessClient(core, { boardId: 'b3', ...identity, expiresAt: later() });
    const facilitator = new InProcessClient(core, { boardId: 'b3', ...identity, role: 'facilitator', expiresAt: later() });
    await delegate.connect(core);
    await facilitator.connect(core);
    delegate.doc.getText('t').insert(0, 'while locked');
    facilitator.doc.getText('t').insert(0, 'facilitator note');
    await waitFor(() => delegate.denied.includes(DenyReason.locked), 2000, 'the refusal');
    await waitFor(() => delegate.doc.getText('t').toString().includes('facilitator note'), 2000, "the facilitator's edit");
    const room = core.rooms.get('b3')!;
    await room.drain(5000);
    expect(room.doc.getText('t').toString()).toBe('facilitator note');
    expect(facilitator.doc.getText('t').toString()).toBe('facilitator note');
    const stored = await core.store.loadDoc('b3');
    expect(Buffer.concat(stored!.updates.map((u) => Buffer.from(u))).includes(Buffer.from('while locked'))).toBe(false);
  });

  it('never lets a read-only connection write, whatever the policy says', async () => {
    core = createCore(openPolicy(identity));
    const observer = new InProcessClient(core, { boardId: 'b4', ...identity, role: 'observer', readOnly: true, expiresAt: later() });
    await observer.connect(core);
    observer.doc.getText('t').insert(0, 'projector typing');
    await waitFor(() => observer.denied.includes(DenyReason.readOnly), 2000, 'the refusal');
    expect(core.rooms.get('b4')!.doc.getText('t').toString()).toBe('');
  });

  it('closes a connection when its token expires', async () => {
    core = createCore(openPolicy(identity));
    const client = new InProcessClient(core, { boardId: 'b5', ...identity, expiresAt: Date.now() + 300 });
    await client.connect(core);
    await waitFor(() => client.synced, 2000, 'synced');
    await waitFor(() => client.closedWith !== null, 5000, 'closed at expiry');
    expect(client.closedWith).toBe(CloseCode.tokenExpired);
  });

  it("tells its clients' edits as events, not the server's own or the store's", async () => {
    core = createCore(openPolicy(identity));
    const edits: string[] = [];
    core.rooms.events.on('edit', (name) => edits.push(name));
    const client = new InProcessClient(core, { boardId: 'b6', ...identity, expiresAt: later() });
    await client.connect(core);
    const room = core.rooms.get('b6')!;
    room.doc.transact(() => room.doc.getText('t').insert(0, 'server'), Symbol('not a connection'));
    expect(edits).toEqual([]);
    client.doc.getText('t').insert(0, 'delegate');
    await waitFor(() => edits.length === 1, 2000, 'one edit event');
    expect(edits).toEqual(['b6']);
  });
});
