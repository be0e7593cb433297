import { delay, map, mergeMap, queueScheduler, take, throwError, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { PolicyChain, type ChainPolicy } from '../../lib/policy/policy-chain';
import { filterRoutes, mapAttributes } from '../../lib/policy/helpers';
import type { RouteBatch } from '../../lib/policy/types';

const batch = (...announce: string[]): RouteBatch => ({
  type: 'update',
  withdrawn: [],
  attributes: { origin: 0 },
  announced: [{ afi: 1, safi: 1, nextHop: ['198.51.100.1'], prefixes: announce }],
});
const meaning = (b: RouteBatch) => ({ announce: b.announced.flatMap((l) => l.prefixes), withdraw: b.withdrawn.flatMap((l) => l.prefixes), med: b.attributes.med });

function setup(policies: ChainPolicy[], scheduler = queueScheduler) {
  const out: RouteBatch[] = [];
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(`info ${m}`), warn: (m: string) => logs.push(`warn ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  const chain = new PolicyChain(policies, { direction: 'import', neighbor: { name: 'n1', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 }, scheduler, log }, (b) => out.push(b));
  return { chain, out, logs };
}

const policy = (name: string, factory: ChainPolicy['factory'], options = {}): ChainPolicy => ({ name, factory, options });

describe('PolicyChain', () => {
  it('runs the policies in order with their options', () => {
    const { chain, out } = setup([
      policy('short', (o: { max?: number }) => filterRoutes((r) => r.length <= (o.max ?? 32)), { max: 24 }),
      policy('med', () => mapAttributes((a) => ({ ...a, med: 5 }))),
    ]);
    chain.push(batch('10.0.0.0/24', '10.0.1.0/25'));
    expect(out.map(meaning)).toEqual([{ announce: ['10.0.0.0/24'], withdraw: ['10.0.1.0/25'], med: 5 }]);
  });

  it('fails closed when a policy throws on a batch, logs its name, and starts it again', () => {
    let calls = 0;
    const { chain, out, logs } = setup([
      policy('flaky', () =>
        map((b: RouteBatch) => {
          if (++calls === 1) throw new Error('boom');
          return b;
        }),
      ),
      policy('med', () => mapAttributes((a) => ({ ...a, med: 5 }))),
    ]);
    chain.push(batch('10.0.0.0/24'));
    chain.push(batch('10.0.1.0/24'));
    expect(out.map(meaning)).toEqual([
      { announce: [], withdraw: ['10.0.0.0/24'], med: undefined },
      { announce: ['10.0.1.0/24'], withdraw: [], med: 5 },
    ]);
    expect(logs).toEqual(['error import policy "flaky" failed: boom; the 1 announced routes of the batch it was given are withdrawn; started again']);
  });

  it('a policy that errors later (from a timer) is logged and started again; the others go on', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ flush }) => {
      let instance = 0;
      const { chain, out, logs } = setup(
        [policy('late', (_o, ctx) => (++instance === 1 ? mergeMap((b: RouteBatch) => timer(10, ctx.scheduler).pipe(mergeMap(() => throwError(() => new Error('late boom'))), map(() => b))) : delay(1, ctx.scheduler)))],
        undefined,
      );
      chain.push(batch('10.0.0.0/24'));
      flush();
      chain.push(batch('10.0.1.0/24'));
      flush();
      expect(logs).toEqual(['error import policy "late" failed: late boom; started again']);
      expect(out.map(meaning)).toEqual([{ announce: ['10.0.1.0/24'], withdraw: [], med: undefined }]);
    });
  });

  it('a factory that throws makes its stage withdraw every announcement', () => {
    const { chain, out, logs } = setup([
      policy('broken', () => {
        throw new Error('bad options');
      }),
    ]);
    chain.push(batch('10.0.0.0/24'));
    expect(out.map(meaning)).toEqual([{ announce: [], withdraw: ['10.0.0.0/24'], med: undefined }]);
    expect(logs).toEqual(['error import policy "broken" could not be set up: bad options; it withdraws every route until it is loaded again']);
  });

  it('a policy that completes is logged and started again', () => {
    const { chain, out, logs } = setup([policy('once', () => take(1))]);
    chain.push(batch('10.0.0.0/24'));
    chain.push(batch('10.0.1.0/24'));
    expect(out.map(meaning).map((m) => m.announce)).toEqual([['10.0.0.0/24'], ['10.0.1.0/24']]);
    expect(logs).toEqual(['error import policy "once" completed, which a policy must not do; started again', 'error import policy "once" completed, which a policy must not do; started again']);
    chain.stop();
  });

  it('an empty chain is empty', () => {
    expect(setup([]).chain.empty).toBe(true);
  });
});
