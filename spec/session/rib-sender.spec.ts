import { Subject, Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { sendRoutes, type ChunkCount, type SendContext } from '../../lib/session/rib-sender';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage } from '../../lib/wire/message';
import { familyKey, DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import type { OutGroup } from '../../lib/rib/adj-rib-out';

const ctx: SendContext = { codec: DEFAULT_CONTEXT, maxLength: 4096, localAs: 65001, peerAs: 65002, families: new Set([familyKey(1, 1)]) };

function target() {
  const written: Buffer[] = [];
  const refusals: string[] = [];
  return {
    written,
    refusals,
    write: (b: Buffer) => (written.push(b), true),
    drained: () => Promise.resolve(),
    alive: () => true,
    wrote: () => undefined,
    refused: (what: string, why: string) => void refusals.push(`${what}: ${why}`),
  };
}

/** n distinct /24s from 10.0.0.0/24 on. */
const slash24s = (n: number) => Array.from({ length: n }, (_, i) => `${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`);

const group = (prefixes: string[], nextHop: string): OutGroup => ({ afi: 1, safi: 1, nextHop, attributes: { origin: 0, asPath: [] }, prefixes });

describe('sendRoutes', () => {
  it('writes a change that fits one chunk before it returns its promise (no await before the first write)', async () => {
    const t = target();
    const sending = sendRoutes(t, ctx, [{ afi: 1, safi: 1, prefixes: ['10.1.0.0/24'] }], [group(['10.0.0.0/24'], '198.51.100.1')], [], false);
    // One write of both UPDATEs, made in the caller's tick: a helper's line goes out ahead of its ack.
    expect(t.written).toHaveLength(1);
    const framer = new Framer();
    const sent = framer.push(t.written[0]).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
    expect(sent.map((m) => [m.withdrawn.flatMap((w) => w.prefixes), m.announced.flatMap((a) => a.prefixes)])).toEqual([
      [['10.1.0.0/24'], []],
      [[], ['10.0.0.0/24']],
    ]);
    expect((await sending).messages).toBe(2);
  });

  it('skips a group that cannot be encoded, says which, and sends the rest', async () => {
    const t = target();
    const result = await sendRoutes(t, ctx, [], [group(['10.0.0.0/24'], '198.51.100.1'), group(['10.0.1.0/24', '10.0.2.0/24'], '2001:db8::1'), group(['10.0.3.0/24'], '198.51.100.1')]);
    expect(result.refused).toBe(1);
    expect(result.prefixes).toBe(2);
    expect(t.refusals).toHaveLength(1);
    expect(t.refusals[0]).toMatch(/^2 prefixes of afi 1 safi 1 from 10\.0\.1\.0\/24 via 2001:db8::1: /);
    const framer = new Framer();
    const sent = t.written.flatMap((b) => framer.push(b)).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
    expect(sent.flatMap((m) => m.announced.flatMap((a) => a.prefixes))).toEqual(['10.0.0.0/24', '10.0.3.0/24']);
  });

  it('sends an IPv4 group with an IPv6 next hop in MP_REACH_NLRI to a peer with Extended Next Hop Encoding (RFC 8950)', async () => {
    const t = target();
    const result = await sendRoutes(t, { ...ctx, extendedNextHop: new Set([familyKey(1, 1)]) }, [], [group(['10.0.1.0/24'], '2001:db8::1')]);
    expect(result.refused).toBe(0);
    const framer = new Framer();
    const sent = t.written.flatMap((b) => framer.push(b)).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
    expect(sent.map((m) => m.announced)).toEqual([[{ afi: 1, safi: 1, mp: true, prefixes: ['10.0.1.0/24'], nextHop: ['2001:db8::1'] }]]);
    expect(sent[0].attributes.nextHop).toBeUndefined();
  });

  it('counts each chunk as it is written, with its UPDATEs and prefixes, not once the send is over', async () => {
    // 100,000 /24s and 2,000 withdrawals: several 64 KB chunks, each counted when it goes to the socket.
    const prefixes = slash24s(100000);
    const withdraws = [{ afi: 1, safi: 1, prefixes: Array.from({ length: 2000 }, (_, i) => `172.16.${i >> 8}.${i & 255}/32`) }];
    const chunks: Array<ChunkCount & { written: number }> = [];
    const t = { ...target(), counted: (c: ChunkCount) => chunks.push({ ...c, written: t.written.length }) };
    const result = await sendRoutes(t, ctx, withdraws, [group(prefixes.slice(0, 60000), '198.51.100.1'), group(prefixes.slice(60000), '198.51.100.2')], [{ afi: 1, safi: 1 }]);
    // One count per write, made right after it: a reader between two chunks sees what is on the wire.
    expect(chunks.map((c) => c.written)).toEqual(t.written.map((_, i) => i + 1));
    expect(chunks.length).toBeGreaterThan(3);
    const framer = new Framer();
    t.written.forEach((bytes, i) => {
      const updates = framer.push(bytes).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
      expect(chunks[i]).toEqual({
        messages: updates.length,
        announced: updates.reduce((n, u) => n + u.announced.reduce((k, a) => k + a.prefixes.length, 0), 0),
        withdrawn: updates.reduce((n, u) => n + u.withdrawn.reduce((k, w) => k + w.prefixes.length, 0), 0),
        written: i + 1,
      });
    });
    const sum = (k: keyof ChunkCount) => chunks.reduce((n, c) => n + c[k], 0);
    expect([sum('announced'), sum('withdrawn'), sum('messages')]).toEqual([100000, 2000, result.messages]);
  });

  it('counts only what was written when the session goes away mid-send', async () => {
    const prefixes = slash24s(100000);
    const chunks: ChunkCount[] = [];
    const base = target();
    const t = { ...base, alive: () => base.written.length < 2, counted: (c: ChunkCount) => chunks.push(c) };
    await sendRoutes(t, ctx, [], [group(prefixes, '198.51.100.1')]);
    expect(base.written).toHaveLength(2);
    const framer = new Framer();
    const onWire = base.written.flatMap((b) => framer.push(b)).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
    expect(chunks.reduce((n, c) => n + c.announced, 0)).toBe(onWire.reduce((n, u) => n + u.announced[0].prefixes.length, 0));
    expect(chunks.reduce((n, c) => n + c.announced, 0)).toBeLessThan(100000);
  });
});

/** A scheduler whose actions run only when the test says, one at a time: each is one "turn". */
class StepScheduler implements SchedulerLike {
  private readonly actions: Array<{ run: () => void; sub: Subscription }> = [];
  now(): number {
    return 0;
  }
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, _delay?: number, state?: T): Subscription {
    const sub = new Subscription();
    this.actions.push({ run: () => work.call(sub as unknown as SchedulerAction<T>, state), sub });
    return sub;
  }
  get pending(): number {
    return this.actions.filter((a) => !a.sub.closed).length;
  }
  /** Runs the first action still wanted; false when there is none. */
  step(): boolean {
    for (let a = this.actions.shift(); a; a = this.actions.shift()) {
      if (a.sub.closed) continue;
      a.run();
      return true;
    }
    return false;
  }
}

describe('sendRoutes: the yield between 64 KB chunks', () => {
  it("waits one turn of the target's scheduler after each chunk but the last (nothing more is written until it runs)", async () => {
    const scheduler = new StepScheduler();
    const t = { ...target(), scheduler };
    // 60,000 /24s: several 64 KB chunks.
    let finished = false;
    const sending = sendRoutes(t, ctx, [], [group(slash24s(60_000), '198.51.100.1')], [], false).then((r) => ((finished = true), r));
    expect(t.written).toHaveLength(1);
    // Real event-loop turns do not move it on: the yield is on the scheduler, not a plain setImmediate.
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(t.written).toHaveLength(1);
    let turns = 0;
    while (!finished && turns < 100) {
      expect(scheduler.pending).toBe(1);
      const before = t.written.length;
      scheduler.step();
      turns++;
      for (let i = 0; i < 10; i++) await Promise.resolve();
      // One chunk per turn; the last chunk ends the send as it is written (Chunk.last), no turn after it.
      expect(t.written.length - before).toBe(1);
    }
    const result = await sending;
    expect(result.prefixes).toBe(60_000);
    expect(t.written.length).toBeGreaterThan(2);
    expect(turns).toBe(t.written.length - 1);
    expect(t.written.slice(0, -1).every((b) => b.length >= 64 * 1024)).toBe(true);
  });

  it('ends without a turn after its last chunk, so the next send (the next helper chunk) is not held a turn', async () => {
    const scheduler = new StepScheduler();
    const t = { ...target(), scheduler };
    let finished = false;
    const sending = sendRoutes(t, ctx, [], [group(slash24s(100), '198.51.100.1')], [], false).then(() => (finished = true));
    expect(t.written).toHaveLength(1);
    // The scheduler never runs: a send that waited a turn after its one chunk would never finish here.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect([finished, scheduler.pending]).toEqual([true, 0]);
    await sending;
  });

  it('waits for drained() instead of a turn when write() says the socket is full, and pulls nothing meanwhile', async () => {
    const scheduler = new StepScheduler();
    const drain$ = new Subject<void>();
    let drainWaits = 0;
    const base = target();
    const t = { ...base, scheduler, write: (b: Buffer) => (base.written.push(b), false), drained: () => (drainWaits++, drain$) };
    const sent: Buffer[] = [];
    let finished = false;
    const sending = sendRoutes({ ...t, sent: (m) => sent.push(m) }, ctx, [], [group(slash24s(60_000), '198.51.100.1')], [], false).then((r) => ((finished = true), r));
    expect([base.written.length, drainWaits, scheduler.pending]).toEqual([1, 1, 0]);
    // Packed no further than the chunk on the socket: nothing is encoded ahead of it.
    const inFirst = base.written[0].length;
    expect(sent.reduce((n, m) => n + m.length, 0)).toBe(inFirst);
    let drains = 0;
    while (!finished && drains < 100) {
      drain$.next();
      drains++;
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    expect((await sending).prefixes).toBe(60_000);
    expect(drains).toBe(base.written.length);
    expect(drainWaits).toBe(base.written.length);
  });
});
