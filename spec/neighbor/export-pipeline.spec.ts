/**
 * ExportPipeline: a neighbor's export policies between what rxbgp wants to announce (`pre`, the
 * Adj-RIB-Out) and what its sessions send (`post`). `changed` is what a session that is up sends.
 */
import { delay, VirtualTimeScheduler } from 'rxjs';
import { ExportPipeline } from '../../lib/neighbor/export-pipeline';
import { AdjRibOut, type OutRoute, type RibOutChange } from '../../lib/rib/adj-rib-out';
import { filterRoutes, mapAttributes } from '../../lib/policy/helpers';
import type { ChainPolicy } from '../../lib/policy/policy-chain';
import type { Log } from '../../lib/session/log';

const NEIGHBOR = { name: 'n1', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 };

const route = (prefix: string, med?: number): OutRoute => ({ afi: 1, safi: 1, prefix, nextHop: 'self', attributes: med === undefined ? { origin: 0 } : { origin: 0, med } });
/** Routes in a RIB or a change, as "prefix med", sorted. */
const routes = (groups: Iterable<{ prefixes: string[]; attributes: { med?: number } }>) => [...groups].flatMap((g) => g.prefixes.map((p) => `${p} med=${g.attributes.med}`)).sort();
const meaning = (c: RibOutChange) => ({ announce: routes(c.announce), withdraw: c.withdraw.flatMap((w) => w.prefixes).sort() });

const policy = (name: string, factory: ChainPolicy['factory'], options = {}): ChainPolicy => ({ name, factory, options });
const onlySlash24 = policy('only-24', () => filterRoutes((r) => r.length === 24));
const med = (value: number) => policy(`med-${value}`, () => mapAttributes((a) => ({ ...a, med: value })));

function setup(policies: ChainPolicy[], scheduler?: VirtualTimeScheduler) {
  const logs: string[] = [];
  const log: Log = { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`), debug: () => undefined };
  const sent: RibOutChange[] = [];
  const pre = new AdjRibOut();
  const pipeline = new ExportPipeline(policies, { neighbor: NEIGHBOR, log, changed: (c) => sent.push(c), ...(scheduler ? { scheduler } : {}) });
  /** What the neighbor does with an API announcement: store it in `pre`, push the change through. */
  const announce = (...rs: OutRoute[]) => pipeline.push(pre.upsert(rs));
  const withdraw = (...prefixes: string[]) => pipeline.push(pre.remove(prefixes.map((prefix) => ({ afi: 1, safi: 1, prefix }))));
  return { pipeline, pre, sent, logs, announce, withdraw };
}

describe('ExportPipeline', () => {
  it('feed(): the routes to announce go through the policies; post holds and sends only what comes out', () => {
    const { pipeline, pre, sent } = setup([onlySlash24, med(5)]);
    pre.replaceConfig([route('10.0.0.0/24'), route('10.0.1.0/25'), route('10.0.2.0/24', 1)]);
    pipeline.feed(pre.groups());
    expect(routes(pipeline.post.groups())).toEqual(['10.0.0.0/24 med=5', '10.0.2.0/24 med=5']);
    // The /25 was never in post: its rejection is nothing to send.
    expect(sent.flatMap((c) => meaning(c).announce)).toEqual(['10.0.0.0/24 med=5', '10.0.2.0/24 med=5']);
    expect(sent.flatMap((c) => c.withdraw)).toEqual([]);
  });

  it('push(): announcements and withdrawals go through the policies; a withdrawal of a route never sent sends nothing', () => {
    const { pipeline, sent, announce, withdraw } = setup([onlySlash24]);
    announce(route('10.0.0.0/24'), route('10.0.1.0/25'));
    expect(sent.map(meaning)).toEqual([{ announce: ['10.0.0.0/24 med=undefined'], withdraw: [] }]);
    sent.length = 0;
    withdraw('10.0.1.0/25');
    expect(sent).toEqual([]);
    withdraw('10.0.0.0/24');
    expect(sent.map(meaning)).toEqual([{ announce: [], withdraw: ['10.0.0.0/24'] }]);
    expect(pipeline.post.size).toBe(0);
  });

  it('a route that comes out of the policies as it was sent sends nothing; with new attributes it is sent again', () => {
    const rewritten = setup([med(5)]);
    rewritten.announce(route('10.0.0.0/24', 1));
    rewritten.sent.length = 0;
    // Other attributes before the policy, the same after it.
    rewritten.announce(route('10.0.0.0/24', 2));
    expect(rewritten.sent).toEqual([]);
    const passed = setup([onlySlash24]);
    passed.announce(route('10.0.0.0/24', 1));
    passed.sent.length = 0;
    passed.announce(route('10.0.0.0/24', 2));
    expect(passed.sent.map(meaning)).toEqual([{ announce: ['10.0.0.0/24 med=2'], withdraw: [] }]);
    expect(routes(passed.pipeline.post.groups())).toEqual(['10.0.0.0/24 med=2']);
  });

  it('reapply(): everything in pre runs through the new policies, and only the routes whose outcome changed are sent', () => {
    const { pipeline, pre, sent, announce } = setup([onlySlash24]);
    announce(route('10.0.0.0/24'), route('10.0.1.0/25'), route('10.0.2.0/24'));
    sent.length = 0;
    // Everything passes now, only the /25 is news.
    pipeline.reapply([], pre);
    expect(sent.map(meaning)).toEqual([{ announce: ['10.0.1.0/25 med=undefined'], withdraw: [] }]);
    sent.length = 0;
    // A policy that rejects what it passed before withdraws it at the peer.
    pipeline.reapply([onlySlash24], pre);
    expect(sent.map(meaning)).toEqual([{ announce: [], withdraw: ['10.0.1.0/25'] }]);
    expect(routes(pipeline.post.groups())).toEqual(['10.0.0.0/24 med=undefined', '10.0.2.0/24 med=undefined']);
    sent.length = 0;
    // The same policies again: nothing to send.
    pipeline.reapply([onlySlash24], pre);
    expect(sent).toEqual([]);
  });

  it('reapply() replaces the chain: batches after it go through the new policies only', () => {
    const { pipeline, pre, sent, announce } = setup([med(5)]);
    pipeline.reapply([med(6)], pre);
    announce(route('10.0.0.0/24'));
    expect(sent.map(meaning)).toEqual([{ announce: ['10.0.0.0/24 med=6'], withdraw: [] }]);
  });

  it('runs on the scheduler it is given, and stop() drops what a policy still holds', () => {
    const scheduler = new VirtualTimeScheduler();
    const { pipeline, sent, announce } = setup([policy('slow', (_o, ctx) => delay(10, ctx.scheduler))], scheduler);
    announce(route('10.0.0.0/24'));
    expect(sent).toEqual([]);
    scheduler.flush();
    expect(sent.map(meaning)).toEqual([{ announce: ['10.0.0.0/24 med=undefined'], withdraw: [] }]);
    sent.length = 0;
    announce(route('10.0.1.0/24'));
    pipeline.stop();
    scheduler.flush();
    expect(sent).toEqual([]);
    expect(routes(pipeline.post.groups())).toEqual(['10.0.0.0/24 med=undefined']);
  });

  it('reapply() drops what the old policies still held', () => {
    const scheduler = new VirtualTimeScheduler();
    const { pipeline, pre, sent, announce } = setup([policy('slow', (_o, ctx) => delay(10, ctx.scheduler))], scheduler);
    announce(route('10.0.0.0/24', 1));
    pipeline.reapply([med(5)], pre);
    expect(sent.map(meaning)).toEqual([{ announce: ['10.0.0.0/24 med=5'], withdraw: [] }]);
    scheduler.flush();
    // The old chain's copy (med 1) never comes out over the new one.
    expect(routes(pipeline.post.groups())).toEqual(['10.0.0.0/24 med=5']);
    expect(sent).toHaveLength(1);
  });

  it('a failure to send a change is logged with the neighbor; the chain goes on', () => {
    const logs: string[] = [];
    const log: Log = { info: () => undefined, warn: () => undefined, error: (m) => logs.push(m), debug: () => undefined };
    const sent: string[][] = [];
    const pipeline = new ExportPipeline([med(5)], {
      neighbor: NEIGHBOR,
      log,
      changed: (c) => {
        if (sent.push(routes(c.announce)) === 1) throw new Error('socket gone');
      },
    });
    const pre = new AdjRibOut();
    pipeline.push(pre.upsert([route('10.0.0.0/24')]));
    pipeline.push(pre.upsert([route('10.0.1.0/24')]));
    expect(sent).toEqual([['10.0.0.0/24 med=5'], ['10.0.1.0/24 med=5']]);
    expect(logs).toEqual(['n1: storing a batch from the export policies failed: socket gone']);
  });
});
