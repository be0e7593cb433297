/**
 * The index of rule destinations: which destinations a unicast route can matter to, found without
 * a scan (RFC 8955 §6 rules b and c).
 */
import { DestinationIndex } from '../../../lib/daemon/flow-validation/destination-index';
import { bitsPrefix, prefixBits } from '../../../lib/daemon/flow-validation/prefix-bits';

const V4 = 0x101;
const bits = (p: string) => prefixBits(p)!.bits;

describe('DestinationIndex', () => {
  const index = new DestinationIndex<string, string>();
  for (const p of ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.3/32', '10.2.0.0/16', '192.0.2.0/24']) index.add(V4, bits(p)).destination.rules.add(p);
  const names = (ds: Array<{ bits: string }>) => ds.map((d) => bitsPrefix(1, d.bits)).sort();

  it('finds the destinations a route covers or equals (its best match may change) as one sorted run', () => {
    expect(names(index.under(V4, bits('10.1.0.0/16')))).toEqual(['10.1.0.0/16', '10.1.2.0/24', '10.1.2.3/32']);
    expect(names(index.under(V4, bits('0.0.0.0/0')))).toHaveLength(6);
    expect(index.under(V4, bits('11.0.0.0/8'))).toEqual([]);
  });

  it('finds the destinations strictly covering a route (it is one of their more specifics)', () => {
    expect(names(index.covering(V4, bits('10.1.2.0/24')))).toEqual(['10.0.0.0/8', '10.1.0.0/16']);
    expect(names(index.covering(V4, bits('10.2.3.0/24')))).toEqual(['10.0.0.0/8', '10.2.0.0/16']);
  });

  it('says whether a family has any destination, forgets one, and made says when a destination is new', () => {
    expect(index.has(V4)).toBe(true);
    expect(index.has(0x201)).toBe(false);
    expect(index.add(V4, bits('10.1.0.0/16')).created).toBe(false);
    index.delete(index.get(V4, bits('10.1.0.0/16'))!);
    expect(names(index.covering(V4, bits('10.1.2.0/24')))).toEqual(['10.0.0.0/8']);
    expect(names(index.under(V4, bits('10.1.0.0/16')))).toEqual(['10.1.2.0/24', '10.1.2.3/32']);
  });

  it('prefix bits read back as the prefix, IPv4 and IPv6', () => {
    expect(bits('10.0.0.0/8')).toBe('00001010');
    expect(bitsPrefix(1, bits('192.0.2.128/25'))).toBe('192.0.2.128/25');
    expect(bitsPrefix(2, prefixBits('2001:db8::/33')!.bits)).toBe('2001:db8::/33');
    expect(prefixBits('0.0.0.0/0')!.bits).toBe('');
    expect(prefixBits('255.255.255.255/32')!.bits).toBe('1'.repeat(32));
    // Not canonical prefixes: no bits.
    for (const bad of ['10.0.0.1/8', '10.0.0/8', '10.0.0.256/32', '10.0.0.0/33', '10.0.0.0', 'x.0.0.0/8', '2001:db8::1/32']) expect(prefixBits(bad)).toBeUndefined();
  });
});
