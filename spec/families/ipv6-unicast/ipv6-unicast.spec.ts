import { ipv6UnicastFamily as v6 } from '../../../lib/families';
import { decodeNlriRun } from '../../../lib/wire/nlri';
import { hex } from '../../helpers/hex';

describe('IPv6 unicast family', () => {
  it('keys the RIB by canonical prefix text', () => {
    const field = hex`20 20010db8  30 20010db8 0001  # 2001:db8::/32, 2001:db8:1::/48`;
    const run = decodeNlriRun(v6.wire, field, 0, field.length, false);
    expect(v6.ribKeys(run)).toEqual(['2001:db8::/32', '2001:db8:1::/48']);
    expect(v6.ribKey('2001:db8::/32')).toBe('2001:db8::/32');
    expect(v6.nlriAt(run, 1)).toBe('2001:db8:1::/48');
  });

  it('goes back from RIB keys to NLRI and to a list', () => {
    expect(v6.nlriOfKey('2001:db8::/32')).toBe('2001:db8::/32');
    expect(v6.listOfKeys({ afi: 2, safi: 1 }, ['2001:db8::/32'])).toEqual({ afi: 2, safi: 1, prefixes: ['2001:db8::/32'] });
  });

  it('renders ExaBGP JSON and text items', () => {
    const run = decodeNlriRun(v6.wire, hex`0000000a 20 20010db8`, 0, 9, true);
    expect(v6.exabgpJsonItems(run)).toEqual(['{ "nlri": "2001:db8::/32", "path-information": "0.0.0.10" }']);
    expect(v6.exabgpTextItems(run)).toEqual(['2001:db8::/32 path-information 0.0.0.10']);
  });

  it('parses canonical text and refuses IPv4', () => {
    expect(v6.parseText('2001:DB8:0::/32')).toEqual({ ok: true, value: '2001:db8::/32' });
    expect(v6.parseText('10.0.0.0/8')).toEqual({ ok: false, error: '"10.0.0.0/8" is not an IPv6 prefix' });
    expect(v6.decodeConfig(null)).toEqual({ ok: false, error: 'expected an IPv6 prefix string, got null' });
  });

  it('takes only IPv6 next hops (RFC 2545 §3), :: when none is given', () => {
    expect(v6.nextHop.fallback).toBe('::');
    expect(v6.nextHop.check(['2001:db8::1', 'fe80::1'])).toBeUndefined();
    expect(v6.nextHop.check(['192.0.2.1'])).toBe('next hop 192.0.2.1 is not valid for this family');
  });

  it('shows a policy the prefix and its length', () => {
    expect(v6.policyView('2001:db8::/32')).toEqual({ kind: 'prefix', afi: 2, prefix: '2001:db8::/32', length: 32, ipv4: -1 });
  });
});
