/**
 * The prefix helpers read IP prefixes; lists of other families (FlowSpec rules, RFC 8955, held as
 * their canonical text) pass through them untouched. Before, a rule's "length" was NaN, so a /24
 * length filter withdrew every FlowSpec rule of the batch without a word.
 */
import { lastValueFrom, of, toArray } from 'rxjs';
import { filterRoutes, routeAttributes } from '../../lib/policy/helpers';
import { acceptPrefixes, maxPrefixLength, rejectPrefixes } from '../../lib/policy/prefix-filters';
import type { Policy, RouteBatch } from '../../lib/policy/types';
import type { PathAttributes } from '../../lib/wire/types';

const attributes: PathAttributes = { origin: 0 };
const RULE = 'flow destination-ipv4 10.0.0.0/24 protocol =tcp destination-port =80';
const batch: RouteBatch = {
  type: 'update',
  withdrawn: [],
  attributes,
  announced: [
    { afi: 1, safi: 1, nextHop: ['198.51.100.1'], prefixes: ['10.0.0.0/24', '10.0.1.0/25'] },
    { afi: 1, safi: 133, nextHop: [], prefixes: [RULE] },
  ],
};

async function run(policy: Policy): Promise<{ announce: string[]; withdraw: string[] }> {
  const out = await lastValueFrom(of(batch).pipe(policy, toArray()));
  return { announce: out.flatMap((b) => b.announced.flatMap((l) => l.prefixes)), withdraw: out.flatMap((b) => b.withdrawn.flatMap((l) => l.prefixes)) };
}

describe('prefix helpers with a FlowSpec list beside a unicast one', () => {
  it.each([
    ['filterRoutes (length <= 24)', filterRoutes((r) => r.length <= 24)],
    ['routeAttributes (null for > /24)', routeAttributes((r) => (r.length <= 24 ? r.attributes : null))],
    ['maxPrefixLength', maxPrefixLength()],
    ['rejectPrefixes', rejectPrefixes(['10.0.1.0/24 le 32'])],
  ])('%s filters the unicast routes and keeps the rule', async (_name, policy) => {
    expect(await run(policy)).toEqual({ announce: ['10.0.0.0/24', RULE], withdraw: ['10.0.1.0/25'] });
  });

  it('acceptPrefixes keeps the rule too: a prefix list says nothing about FlowSpec rules', async () => {
    expect(await run(acceptPrefixes(['10.0.0.0/24']))).toEqual({ announce: ['10.0.0.0/24', RULE], withdraw: ['10.0.1.0/25'] });
  });

  it('the predicate is never called with a FlowSpec rule', async () => {
    const seen: string[] = [];
    await run(filterRoutes((r) => (seen.push(r.prefix), true)));
    expect(seen).toEqual(['10.0.0.0/24', '10.0.1.0/25']);
  });
});
