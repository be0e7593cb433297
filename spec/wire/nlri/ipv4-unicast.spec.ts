import { BgpError } from '../../../lib/wire/errors';
import { ipv4Unicast } from '../../../lib/wire/nlri';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';

function decodeAll(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; ) at = ipv4Unicast.decodeOne(bytes, at, bytes.length, out);
  return out;
}

describe('IPv4 unicast NLRI (RFC 4271 §4.3)', () => {
  const bytes = hex`
    00                # 0.0.0.0/0
    08 0a             # 10.0.0.0/8
    0c ac10           # 172.16.0.0/12
    18 c00002         # 192.0.2.0/24
    20 c0000201       # 192.0.2.1/32
  `;
  const prefixes = ['0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12', '192.0.2.0/24', '192.0.2.1/32'];

  it('decodes and encodes', () => {
    expect(decodeAll(bytes)).toEqual(prefixes);
    const w = new Writer(4);
    for (const p of prefixes) ipv4Unicast.encodeOne(w, p);
    expect(toHex(w.view())).toBe(toHex(bytes));
  });

  it('clears trailing bits past the length', () => {
    expect(decodeAll(hex`0c acff`)).toEqual(['172.240.0.0/12']);
  });

  it.each([
    ['a length above 32', hex`21 0a000000 00`],
    ['a prefix running past the field', hex`18 0a00`],
  ])('throws Invalid Network Field on %s (RFC 7606 §5.3)', (_why, bad) => {
    expect(() => decodeAll(bad)).toThrow(expect.objectContaining({ code: 3, subcode: 10 }));
    expect(() => decodeAll(bad)).toThrow(BgpError);
  });

  it('refuses to encode a prefix with host bits or of another family', () => {
    expect(() => ipv4Unicast.encodeOne(new Writer(), '10.0.0.1/8')).toThrow(/not an IPv4 prefix/);
    expect(() => ipv4Unicast.encodeOne(new Writer(), '2001:db8::/32')).toThrow(/not an IPv4 prefix/);
  });

  it('reads 4-, 16- and 32-octet next hops (RFC 8950 for IPv6)', () => {
    expect(ipv4Unicast.decodeNextHop(hex`c0000201`, 0, 4)).toEqual(['192.0.2.1']);
    expect(ipv4Unicast.decodeNextHop(hex`20010db8000000000000000000000001`, 0, 16)).toEqual(['2001:db8::1']);
    expect(ipv4Unicast.decodeNextHop(hex`c00002`, 0, 3)).toBeUndefined();
  });
});
