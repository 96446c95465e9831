import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { RedisBus } from '@plenary/server/fanout/redis-bus.ts';
import { LocalBus } from '@plenary/server/fanout/local-bus.ts';
import { REDIS_URL, describePrivateRedis, describeRedis, startPrivateRedis, uniqueKeyPrefix, waitUntil, type PrivateRedis } from '../utils/redis.ts';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** Collects what a bus delivers for one document. */
const inbox = () => {
  const received: Buffer[] = [];
  return { received, handler: (bytes: Uint8Array) => received.push(Buffer.from(bytes)) };
};
const texts = (received: Buffer[]) => received.map((b) => b.toString());

describeRedis('redis fan-out bus', () => {
  const keyPrefix = uniqueKeyPrefix('bus');
  const buses: RedisBus[] = [];
  const open = async (prefix = keyPrefix) => {
    const bus = await RedisBus.open({ url: REDIS_URL, keyPrefix: prefix, log });
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    // Pub/sub leaves no keys behind; closing the connections is the whole cleanup.
    await Promise.all(buses.map((b) => b.close()));
  });

  it('delivers to the other instance, binary-exact, and never back to the sender', async () => {
    const [a, b] = [await open(), await open()];
    const atA = inbox();
    const atB = inbox();
    await a.subscribe('board-1', atA.handler);
    await b.subscribe('board-1', atB.handler);

    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await a.publish('board-1', everyByte);
    await waitUntil(() => atB.received.length === 1, { what: 'B to receive A’s message' });
    expect(atB.received[0]!.equals(everyByte)).toBe(true);

    // Redis delivers in order on each connection: once B's reply reaches A, A's own earlier
    // message would have reached A too, had it not been dropped.
    await b.publish('board-1', Buffer.from('reply from b'));
    await waitUntil(() => atA.received.length > 0, { what: 'A to receive B’s reply' });
    expect(texts(atA.received)).toEqual(['reply from b']);
    expect(atB.received).toHaveLength(1);
  });

  it('keeps documents and key prefixes apart', async () => {
    const [a, b] = [await open(), await open()];
    const otherDeployment = await open(uniqueKeyPrefix('bus-other'));
    const board2 = inbox();
    const board3 = inbox();
    const foreign = inbox();
    await b.subscribe('board-2', board2.handler);
    await b.subscribe('board-3', board3.handler);
    await otherDeployment.subscribe('board-2', foreign.handler);

    await a.publish('board-2', Buffer.from('for board 2'));
    await a.publish('board-3', Buffer.from('for board 3'));
    await waitUntil(() => board3.received.length === 1, { what: 'board 3 message' });
    expect(texts(board2.received)).toEqual(['for board 2']);
    expect(texts(board3.received)).toEqual(['for board 3']);
    expect(foreign.received).toHaveLength(0);
  });

  it('stops delivering after unsubscribe', async () => {
    const [a, b] = [await open(), await open()];
    const board4 = inbox();
    const board5 = inbox();
    await b.subscribe('board-4', board4.handler);
    await b.subscribe('board-5', board5.handler);
    await a.publish('board-4', Buffer.from('before'));
    await waitUntil(() => board4.received.length === 1, { what: 'the first message' });

    await b.unsubscribe('board-4');
    await a.publish('board-4', Buffer.from('after unsubscribe'));
    // Ordered delivery on B's connection: board-5's later message proves board-4's was not delivered.
    await a.publish('board-5', Buffer.from('marker'));
    await waitUntil(() => board5.received.length === 1, { what: 'the marker' });
    expect(texts(board4.received)).toEqual(['before']);

    // Subscribing again resumes delivery.
    await b.subscribe('board-4', board4.handler);
    await a.publish('board-4', Buffer.from('again'));
    await waitUntil(() => board4.received.length === 2, { what: 'delivery after resubscribing' });
    expect(texts(board4.received)).toEqual(['before', 'again']);
  });
});

describePrivateRedis('redis fan-out bus while Redis goes away', () => {
  let redis: PrivateRedis;
  const buses: RedisBus[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('fires onReconnect after Redis restarts, with subscriptions restored', async () => {
    const keyPrefix = uniqueKeyPrefix('bus-outage');
    const a = await RedisBus.open({ url: redis.url, keyPrefix, log });
    const b = await RedisBus.open({ url: redis.url, keyPrefix, log });
    buses.push(a, b);
    let reconnectsA = 0;
    let reconnectsB = 0;
    a.onReconnect(() => reconnectsA++);
    b.onReconnect(() => reconnectsB++);
    const atB = inbox();
    await b.subscribe('board', atB.handler);

    await redis.kill();
    await expect(a.publish('board', Buffer.from('lost'))).rejects.toThrow();
    // A room that joins during the outage is subscribed once Redis is back.
    const lateJoiner = inbox();
    await b.subscribe('late-board', lateJoiner.handler);

    await redis.restart();
    await waitUntil(() => reconnectsA === 1 && reconnectsB === 1, { what: 'onReconnect on both buses' });
    await a.publish('board', Buffer.from('after the outage'));
    await a.publish('late-board', Buffer.from('for the late joiner'));
    await waitUntil(() => lateJoiner.received.length === 1, { what: 'delivery to the late joiner' });
    expect(texts(atB.received)).toEqual(['after the outage']);
    expect(texts(lateJoiner.received)).toEqual(['for the late joiner']);
  });
});

it('the local bus of a single process delivers nothing', async () => {
  const bus = new LocalBus();
  const received: Uint8Array[] = [];
  await bus.subscribe('board', (b) => received.push(b));
  await bus.publish('board', Uint8Array.from([1, 2, 3]));
  await bus.close();
  expect(received).toHaveLength(0);
});
