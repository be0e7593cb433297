/**
 * IPv4 / IPv6 multicast UPDATEs (spec/fixtures/simple-families/vectors.json, built from RFC 4760 by
 * make-vectors.py) through the whole message decoder to ExaBGP JSON and text events, compared with
 * what ExaBGP 4.2 prints (it negotiates ipv4 multicast, not ipv6 multicast), and back to the same octets.
 */
import { join } from 'path';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { decodeVector, jsonOf, readVectors, reencoded, textOf } from '../../helpers/family-vectors';

const VECTORS = readVectors(join(__dirname, '..', '..', 'fixtures', 'simple-families', 'vectors.json')).filter((v) => v.name.includes('-multicast/'));
const BY_EXABGP = VECTORS.filter((v) => v.exabgp42 !== null);

describe('received multicast UPDATEs', () => {
  it('covers what ExaBGP 4.2 decodes', () => {
    expect(BY_EXABGP.map((v) => v.name)).toEqual(['ipv4-multicast/announce', 'ipv4-multicast/withdraw', 'ipv4-multicast/add-path', 'ipv4-multicast/add-path-withdraw', 'ipv4-multicast/eor']);
  });

  it.each(BY_EXABGP.map((v) => [v.name, v] as const))('%s prints what exabgp --decode prints', (_name, vector) => {
    expect(decodeVector(vector).errorAction).toBeUndefined();
    expect(jsonOf(vector)).toBe(vector.exabgp42);
  });

  it.each(BY_EXABGP.map((v) => [v.name, v] as const))("%s prints what ExaBGP 4.2's text encoder prints", (_name, vector) => {
    expect(textOf(vector)).toBe(vector.exabgp42Text);
  });

  it.each(VECTORS.map((v) => [v.name, v] as const))('%s encodes its NLRI and next hop back to the same octets', (_name, vector) => {
    const { expected, actual } = reencoded(vector);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  // ExaBGP 5 prints only the global address of a link-local pair; rxbgp prints both, as 4.2 does for unicast (below).
  it.each(VECTORS.filter((v) => v.exabgp5 !== null && !v.name.endsWith('/link-local')).map((v) => [v.name, v] as const))('%s prints what ExaBGP 5 prints (4.2 does not negotiate ipv6 multicast)', (_name, vector) => {
    expect(jsonOf(vector)).toBe(vector.exabgp5);
  });

  it('prints IPv6 multicast as INET routes, as ExaBGP prints IPv4 multicast', () => {
    const byName = (name: string) => VECTORS.find((v) => v.name === name)!;
    // The same octets under SAFI 1 print as IPv6 unicast does, link-local next hop included.
    for (const vector of VECTORS.filter((v) => v.name.startsWith('ipv6-multicast/') && !v.name.endsWith('/eor'))) {
      const unicast = { ...vector, hex: vector.hex.replace(/(800e..|800f..)00020?2/, (m) => m.slice(0, -1) + '1') };
      expect(unicast.hex).not.toBe(vector.hex);
      expect(jsonOf(vector)).toBe(jsonOf(unicast).replace(/ipv6 unicast/g, 'ipv6 multicast'));
      expect(textOf(vector)).toBe(textOf(unicast));
    }
    expect(jsonOf(byName('ipv6-multicast/withdraw'))).toBe('{ "update": { "withdraw": { "ipv6 multicast": [ { "nlri": "ff3e::/32" }, { "nlri": "2001:db8::1/128" } ] } } }');
    expect(jsonOf(byName('ipv6-multicast/add-path'))).toContain('{ "nlri": "ff3e::/32", "path-information": "0.0.0.2" }');
    expect(jsonOf(byName('ipv6-multicast/eor'))).toBe('{ "eor": { "afi" : "ipv6", "safi" : "multicast" } }');
    // RFC 8950: an IPv4 multicast route with an IPv6 next hop (ExaBGP 4.2 refuses the length, 3/0).
    expect(jsonOf(byName('ipv4-multicast/ipv6-next-hop'))).toContain('"announce": { "ipv4 multicast": { "2001:db8::1": [ { "nlri": "232.1.1.0/24" } ] } }');
  });

  it('treats a malformed multicast NLRI as withdraw (RFC 7606 §5.3), keeping the prefixes before it', () => {
    // MP_REACH_NLRI 1/2, next hop 198.51.100.1: 232.1.1.0/24, then a length of 33 bits.
    const hex = 'ffffffffffffffffffffffffffffffff' + '0033' + '02' + '0000' + '001c' + '40010100' + '400200' + '800e' + '12' + '000102' + '04c6336401' + '00' + '18e80101' + '21e8010101';
    const message = decodeMessage(Buffer.from(hex, 'hex'), familyContext(DEFAULT_CONTEXT));
    if (message.type !== 'update') throw new Error(message.type);
    expect(message.errorAction).toBe('treat-as-withdraw');
    // The session withdraws what the UPDATE announced (errorAction), the prefix that parsed included.
    expect(message.announced.flatMap((l) => [...l.prefixes])).toEqual(['232.1.1.0/24']);
    expect((message.announced[0] as { malformed?: string }).malformed).toBe('malformed ipv4 multicast NLRI at offset 4: IPv4 prefix length 33 > 32');
  });
});
