import { ipv4UnicastFamily as v4 } from '../../../lib/families';
import { decodeNlriRun, packedIpv4Of } from '../../../lib/wire/nlri';
import { hex } from '../../helpers/hex';

describe('IPv4 unicast family', () => {
  const field = hex`18 0a0000  10 0a01  # 10.0.0.0/24, 10.1.0.0/16`;
  const packed = v4.wire.decodeField({}, field, 0, field.length, false);

  it('keys the RIB by packed number, straight from a packed list (no text made)', () => {
    expect(v4.ribKeys(packed)).toBe(packedIpv4Of(packed));
    expect(Array.from(v4.ribKeys(packed))).toEqual([v4.ribKey('10.0.0.0/24'), v4.ribKey('10.1.0.0/16')]);
    expect(Array.from(v4.ribKeys({ prefixes: ['10.1.0.0/16'] }))).toEqual([v4.ribKey('10.1.0.0/16')]);
    expect(v4.ribKey('10.0.0.0/24')).toBe(0x0a000000 * 64 + 24);
  });

  it('goes back from RIB keys to NLRI and to a packed list', () => {
    const keys = [v4.ribKey('10.0.0.0/24'), v4.ribKey('10.1.0.0/16')];
    expect(v4.nlriOfKey(keys[1])).toBe('10.1.0.0/16');
    const list = v4.listOfKeys({ afi: 1, safi: 1, nextHop: ['192.0.2.1'] }, keys);
    expect(packedIpv4Of(list)).toBe(keys);
    expect(list).toEqual({ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/24', '10.1.0.0/16'] });
  });

  it('reads one NLRI of a packed list', () => {
    expect(v4.nlriAt(packed, 1)).toBe('10.1.0.0/16');
  });

  it('renders ExaBGP JSON and text items, with RFC 7911 path-information as a dotted quad', () => {
    const run = decodeNlriRun(v4.wire, hex`00000001 18 0a0000`, 0, 8, true);
    expect(v4.exabgpJsonItems(run)).toEqual(['{ "nlri": "10.0.0.0/24", "path-information": "0.0.0.1" }']);
    expect(v4.exabgpTextItems(run)).toEqual(['10.0.0.0/24 path-information 0.0.0.1']);
    expect(v4.exabgpJsonItems(packed)).toEqual(['{ "nlri": "10.0.0.0/24" }', '{ "nlri": "10.1.0.0/16" }']);
  });

  it('parses text and config, refusing host bits and IPv6', () => {
    expect(v4.parseText('10.0.0.0/8')).toEqual({ ok: true, value: '10.0.0.0/8' });
    expect(v4.parseText('10.0.0.1/8')).toEqual({ ok: false, error: '"10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)' });
    expect(v4.parseText('2001:db8::/32')).toEqual({ ok: false, error: '"2001:db8::/32" is not an IPv4 prefix' });
    expect(v4.decodeConfig('192.0.2.0/24')).toEqual({ ok: true, value: '192.0.2.0/24' });
    expect(v4.decodeConfig(24)).toEqual({ ok: false, error: 'expected an IPv4 prefix string, got number' });
    expect(v4.encodeConfig('192.0.2.0/24')).toBe('192.0.2.0/24');
  });

  it('takes an IPv4 or (RFC 8950) IPv6 next hop, 0.0.0.0 when none is given', () => {
    expect(v4.nextHop.fallback).toBe('0.0.0.0');
    expect(v4.nextHop.check(['192.0.2.1'])).toBeUndefined();
    expect(v4.nextHop.check(['2001:db8::1', 'fe80::1'])).toBeUndefined();
    expect(v4.nextHop.check(['self'])).toBeUndefined();
    expect(v4.nextHop.check(['192.0.2.1', '192.0.2.2'])).toBe('a second next hop (link-local, RFC 2545) must be IPv6, not 192.0.2.1');
    expect(v4.nextHop.check([])).toBe('expected 1 or 2 next hops, got 0');
  });

  it('shows a policy the prefix, its length and address', () => {
    expect(v4.policyView('10.1.0.0/16')).toEqual({ kind: 'prefix', afi: 1, prefix: '10.1.0.0/16', length: 16, ipv4: 0x0a010000 });
  });
});
