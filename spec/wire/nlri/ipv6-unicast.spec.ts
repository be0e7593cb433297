import { ipv6Unicast } from '../../../lib/wire/nlri';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';

function decodeAll(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; ) at = ipv6Unicast.decodeOne(bytes, at, bytes.length, out);
  return out;
}

describe('IPv6 unicast NLRI (RFC 4760, RFC 2545)', () => {
  const bytes = hex`
    00                                     # ::/0
    20 20010db8                            # 2001:db8::/32
    40 20010db8 00010002                   # 2001:db8:1:2::/64
    80 20010db8 00000000 00000000 00000001 # 2001:db8::1/128
  `;
  const prefixes = ['::/0', '2001:db8::/32', '2001:db8:1:2::/64', '2001:db8::1/128'];

  it('decodes and encodes', () => {
    expect(decodeAll(bytes)).toEqual(prefixes);
    const w = new Writer(4);
    for (const p of prefixes) ipv6Unicast.encodeOne(w, p);
    expect(toHex(w.view())).toBe(toHex(bytes));
  });

  it.each([
    ['a length above 128', hex`81 20010db8`],
    ['a prefix running past the field', hex`40 20010db8`],
  ])('throws Invalid Network Field on %s', (_why, bad) => {
    expect(() => decodeAll(bad)).toThrow(expect.objectContaining({ code: 3, subcode: 10 }));
  });

  it('reads and writes a global next hop, or global + link-local (RFC 2545 §3)', () => {
    const two = hex`20010db8000000000000000000000001 fe800000000000000000000000000001`;
    expect(ipv6Unicast.decodeNextHop(two, 0, 32)).toEqual(['2001:db8::1', 'fe80::1']);
    expect(ipv6Unicast.decodeNextHop(two, 0, 16)).toEqual(['2001:db8::1']);
    // A 4-octet next hop is read as IPv4, as ExaBGP reads it (RFC 8950 the other way round); 8 is not.
    expect(ipv6Unicast.decodeNextHop(two, 0, 4)).toEqual(['32.1.13.184']);
    expect(ipv6Unicast.decodeNextHop(two, 0, 8)).toBeUndefined();
    const w = new Writer(4);
    ipv6Unicast.encodeNextHop(w, ['2001:db8::1', 'fe80::1']);
    expect(toHex(w.view())).toBe(toHex(two));
    expect(() => ipv6Unicast.encodeNextHop(new Writer(), ['192.0.2.1'])).toThrow(/IPv4 next hop/);
    expect(() => ipv6Unicast.encodeNextHop(new Writer(), [])).toThrow(/1 or 2 next hops/);
  });
});
