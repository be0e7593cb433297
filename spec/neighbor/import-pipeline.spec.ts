/**
 * ImportPipeline: a neighbor's import policies between the wire and its Adj-RIB-In. The target here
 * stores batches as PeerSession.store does (the whole batch, or only what changes while routes
 * already held run through again), so each test reads what a user would see in the Adj-RIB-In.
 */
import { delay, VirtualTimeScheduler } from 'rxjs';
import { ImportPipeline, type ImportTarget } from '../../lib/neighbor/import-pipeline';
import { AdjRibIn } from '../../lib/rib/adj-rib-in';
import { filterRoutes, mapAttributes } from '../../lib/policy/helpers';
import type { ChainPolicy } from '../../lib/policy/policy-chain';
import type { RouteBatch } from '../../lib/policy/types';
import type { Log } from '../../lib/session/log';

const NEIGHBOR = { name: 'n1', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 };

const update = (announce: string[], withdraw: string[] = []): RouteBatch => ({
  type: 'update',
  withdrawn: withdraw.length ? [{ afi: 1, safi: 1, prefixes: withdraw }] : [],
  attributes: withdraw.length && !announce.length ? {} : { origin: 0 },
  announced: announce.length ? [{ afi: 1, safi: 1, nextHop: ['198.51.100.1'], prefixes: announce }] : [],
});
const meaning = (b: RouteBatch) => ({ announce: b.announced.flatMap((l) => l.prefixes), withdraw: b.withdrawn.flatMap((l) => l.prefixes), med: b.attributes.med });
/** What the Adj-RIB-In holds, as "prefix med". */
const held = (rib: AdjRibIn) => [...rib.entries()].map(([, prefix, e]) => `${prefix} med=${e.attributes.med}`).sort();

const policy = (name: string, factory: ChainPolicy['factory'], options = {}): ChainPolicy => ({ name, factory, options });
const onlySlash24 = policy('only-24', () => filterRoutes((r) => r.length === 24));
const med = (value: number) => policy(`med-${value}`, () => mapAttributes((a) => ({ ...a, med: value })));
const passAll = policy('pass', () => (source) => source);

interface Accepted {
  readonly batch: RouteBatch;
  readonly raw: Buffer | undefined;
  readonly onlyChanges: boolean;
}

function setup(policies: ChainPolicy[], opts: { refresh?: boolean; scheduler?: VirtualTimeScheduler } = {}) {
  const logs: string[] = [];
  const log: Log = { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`), debug: () => undefined };
  const pipeline = new ImportPipeline(policies, { neighbor: NEIGHBOR, log, ...(opts.scheduler ? { scheduler: opts.scheduler } : {}) });
  const ribIn = new AdjRibIn();
  const accepted: Accepted[] = [];
  let refreshes = 0;
  const target: ImportTarget = {
    // As PeerSession.store: a re-run stores and reports only what changes.
    accept(batch, raw, onlyChanges) {
      accepted.push({ batch, raw, onlyChanges });
      if (!onlyChanges) return void ribIn.apply(batch);
      const changes = ribIn.changesOf(batch);
      if (changes) ribIn.apply(changes);
    },
    ...(opts.refresh ? { refresh: () => void refreshes++ } : {}),
  };
  return { pipeline, ribIn, accepted, logs, target, refreshes: () => refreshes };
}

describe('ImportPipeline', () => {
  it('is active only with policies (without, the session stores routes directly)', () => {
    expect(setup([]).pipeline.active).toBe(false);
    expect(setup([passAll]).pipeline.active).toBe(true);
  });

  it('accepts only what the policies let through: a dropped prefix comes out withdrawn, an attribute rewritten', () => {
    const { pipeline, target, ribIn, accepted } = setup([onlySlash24, med(5)]);
    pipeline.open(target);
    pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), Buffer.from('wire'));
    expect(accepted.map((a) => meaning(a.batch))).toEqual([{ announce: ['10.0.0.0/24'], withdraw: ['10.0.1.0/25'], med: 5 }]);
    expect(accepted[0].onlyChanges).toBe(false);
    // The policies made a new batch: the bytes on the wire are not this batch's.
    expect(accepted[0].raw).toBeUndefined();
    expect(held(ribIn)).toEqual(['10.0.0.0/24 med=5']);
  });

  it('hands on the bytes as received with a batch the policies passed through untouched', () => {
    const { pipeline, target, accepted } = setup([passAll]);
    pipeline.open(target);
    const raw = Buffer.from('the message as received');
    const message = update(['10.0.0.0/24']);
    pipeline.receive(message, raw);
    expect(accepted).toEqual([{ batch: message, raw, onlyChanges: false }]);
  });

  it('accepts nothing before the session is established, and nothing after it went down', () => {
    const { pipeline, target, accepted } = setup([passAll]);
    pipeline.receive(update(['10.0.0.0/24']), undefined);
    pipeline.open(target);
    pipeline.close();
    pipeline.receive(update(['10.0.1.0/24']), undefined);
    expect(accepted).toEqual([]);
  });

  it('session down stops the chain: a batch a policy still holds is dropped, and the received copy is forgotten', () => {
    const scheduler = new VirtualTimeScheduler();
    const { pipeline, target, accepted } = setup([policy('slow', (_o, ctx) => delay(10, ctx.scheduler))], { scheduler });
    pipeline.open(target);
    pipeline.receive(update(['10.0.0.0/24']), undefined);
    expect(pipeline.received.size).toBe(1);
    pipeline.close();
    expect(pipeline.received.size).toBe(0);
    // The next session must not get the last one's routes.
    pipeline.open(target);
    scheduler.flush();
    expect(accepted).toEqual([]);
  });

  it('runs on the scheduler it is given (a held batch comes out when virtual time reaches it)', () => {
    const scheduler = new VirtualTimeScheduler();
    const { pipeline, target, accepted } = setup([policy('slow', (_o, ctx) => delay(10, ctx.scheduler))], { scheduler });
    pipeline.open(target);
    pipeline.receive(update(['10.0.0.0/24']), undefined);
    expect(accepted).toEqual([]);
    scheduler.flush();
    expect(accepted.map((a) => meaning(a.batch).announce)).toEqual([['10.0.0.0/24']]);
  });

  describe('without ROUTE-REFRESH (the received copy is kept)', () => {
    it('keeps every route as the peer sent it, whatever the policies made of it', () => {
      const { pipeline, target } = setup([onlySlash24]);
      pipeline.open(target);
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), undefined);
      pipeline.receive(update([], ['10.0.0.0/24']), undefined);
      expect(held(pipeline.received)).toEqual(['10.0.1.0/25 med=undefined']);
    });

    it('reapply() runs the kept routes through the new policies and reports only what changes', () => {
      const { pipeline, target, ribIn, accepted } = setup([onlySlash24]);
      pipeline.open(target);
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25', '10.0.2.0/24']), undefined);
      accepted.length = 0;
      // Now everything passes, with a MED: every route changes, the /25 comes back.
      pipeline.reapply([med(7)], ribIn);
      expect(accepted.length).toBeGreaterThan(0);
      expect(accepted.every((a) => a.onlyChanges)).toBe(true);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=7', '10.0.1.0/25 med=7', '10.0.2.0/24 med=7']);
      // Back to the first policy: the /25 is withdrawn, the /24s lose their MED.
      accepted.length = 0;
      pipeline.reapply([onlySlash24], ribIn);
      expect(accepted.every((a) => a.onlyChanges)).toBe(true);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=undefined', '10.0.2.0/24 med=undefined']);
      // New batches after a reapply are not re-runs.
      accepted.length = 0;
      pipeline.receive(update(['10.0.3.0/24']), undefined);
      expect(accepted.map((a) => a.onlyChanges)).toEqual([false]);
    });

    it('reapply() after running without policies starts from the routes the session stored directly', () => {
      const { pipeline, target, ribIn, accepted } = setup([]);
      pipeline.open(target);
      // Without policies the session stores what it receives itself (PeerSession.store).
      ribIn.apply(update(['10.0.0.0/24', '10.0.1.0/25']));
      pipeline.reapply([onlySlash24], ribIn);
      expect(pipeline.active).toBe(true);
      expect(accepted.every((a) => a.onlyChanges)).toBe(true);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=undefined']);
      // And the received copy now holds them, for the next reapply.
      pipeline.reapply([], ribIn);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=undefined', '10.0.1.0/25 med=undefined']);
    });

    it('reapply() to no policies lets everything through once, then keeps no copy', () => {
      const { pipeline, target, ribIn } = setup([onlySlash24]);
      pipeline.open(target);
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), undefined);
      pipeline.reapply([], ribIn);
      expect(pipeline.active).toBe(false);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=undefined', '10.0.1.0/25 med=undefined']);
      expect(pipeline.received.size).toBe(0);
    });

    it('reapply() while the session is down only takes the new policies', () => {
      const { pipeline, target, ribIn, accepted } = setup([onlySlash24]);
      pipeline.reapply([med(3)], ribIn);
      expect(accepted).toEqual([]);
      pipeline.open(target);
      pipeline.receive(update(['10.0.1.0/25']), undefined);
      expect(accepted.map((a) => meaning(a.batch))).toEqual([{ announce: ['10.0.1.0/25'], withdraw: [], med: 3 }]);
    });
  });

  describe('with ROUTE-REFRESH (RFC 2918: the peer sends its routes again)', () => {
    it('keeps no received copy', () => {
      const { pipeline, target, ribIn } = setup([onlySlash24], { refresh: true });
      pipeline.open(target);
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), undefined);
      expect(pipeline.received.size).toBe(0);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=undefined']);
    });

    it('reapply() asks the peer for its routes, which then come through the new policies', () => {
      const { pipeline, target, ribIn, accepted, refreshes } = setup([onlySlash24], { refresh: true });
      pipeline.open(target);
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), undefined);
      accepted.length = 0;
      pipeline.reapply([med(9)], ribIn);
      expect(refreshes()).toBe(1);
      expect(accepted).toEqual([]);
      // The peer's answer to the ROUTE-REFRESH.
      pipeline.receive(update(['10.0.0.0/24', '10.0.1.0/25']), undefined);
      expect(accepted.map((a) => meaning(a.batch))).toEqual([{ announce: ['10.0.0.0/24', '10.0.1.0/25'], withdraw: [], med: 9 }]);
      expect(held(ribIn)).toEqual(['10.0.0.0/24 med=9', '10.0.1.0/25 med=9']);
    });
  });

  it('a target that fails to store a batch is logged with the neighbor; the chain goes on', () => {
    const { pipeline, logs } = setup([passAll]);
    const accepted: string[][] = [];
    pipeline.open({
      accept(batch) {
        if (accepted.push(meaning(batch).announce) === 1) throw new Error('disk full');
      },
    });
    pipeline.receive(update(['10.0.0.0/24']), undefined);
    pipeline.receive(update(['10.0.1.0/24']), undefined);
    expect(accepted).toEqual([['10.0.0.0/24'], ['10.0.1.0/24']]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^error n1: storing a batch from the import policies failed: Error: disk full/);
  });
});
