import { attachPackedIpv4 } from '../../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import { Afi, Safi } from '../../../lib/wire/iana';
import type { Announced, NlriList, UpdateMessage } from '../../../lib/wire/types';
import { RunCounter } from '../../../bench/consumers/run-counter';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

const run = new Ipv4PrefixRun('10.0.0.0', 4);

function update(announced: Announced[], withdrawn: NlriList[] = []): UpdateMessage {
  return { type: 'update', withdrawn, attributes: { origin: 0 }, announced };
}

function textList(prefixes: string[], afi: number = Afi.IPV4): Announced {
  return { afi, safi: Safi.UNICAST, nextHop: ['198.51.100.1'], prefixes };
}

/** A list carrying the packed form, as the decoder makes them for IPv4 unicast. */
function packedList(prefixes: string[]): Announced {
  return attachPackedIpv4({ afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: ['198.51.100.1'] }, prefixes.map(parseIpv4PrefixPacked)) as Announced;
}

describe('RunCounter', () => {
  it('counts the run from packed and text lists, and calls each milestone once, in order', () => {
    const said: number[] = [];
    const c = new RunCounter(run, [4, 2], (k) => said.push(k));
    c.countUpdate(update([packedList(['10.0.0.0/24', '10.0.1.0/24'])]));
    expect(said).toEqual([2]);
    expect(c.complete).toBe(false);
    c.countUpdate(update([textList(['10.0.2.0/24', '10.0.3.0/24'])]));
    expect(said).toEqual([2, 4]);
    expect(c.complete).toBe(true);
    expect(c.stats).toEqual({ distinct: 4, entries: 4, duplicates: 0, unexpected: 0, withdrawn: 0, updates: 2, otherFamilies: 0, ribIn: 0 });
  });

  it('counts repeats, prefixes outside the run, withdrawals and other families apart, without reaching a milestone twice', () => {
    const said: number[] = [];
    const c = new RunCounter(run, [1], (k) => said.push(k));
    c.countUpdate(update([packedList(['10.0.0.0/24', '10.0.0.0/24', '10.0.4.0/24', '10.0.0.0/23'])]));
    c.countUpdate(update([textList(['10.0.0.0/24', '11.0.0.0/24']), textList(['2001:db8::/32'], Afi.IPV6)], [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes: ['10.0.1.0/24'] }]));
    expect(said).toEqual([1]);
    expect(c.stats).toEqual({ distinct: 1, entries: 6, duplicates: 2, unexpected: 3, withdrawn: 1, updates: 2, otherFamilies: 1, ribIn: 0 });
  });
});
