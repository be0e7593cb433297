import fc from 'fast-check';
import { inspect } from 'util';
import { decodeNlriRun, encodeNlriRun, ipv4Unicast } from '../../../lib/wire/nlri';
import {
  attachPackedIpv4,
  decodeIpv4Packed,
  encodeIpv4Packed,
  formatIpv4Packed,
  nlriCount,
  packedIpv4Of,
} from '../../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';

/** The text codec's reading of the same bytes: the reference the packed path must agree with. */
function decodeAsText(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; ) at = ipv4Unicast.decodeOne(bytes, at, bytes.length, out);
  return out;
}

const prefixArb = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([address, length]) => {
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return ((address & mask) >>> 0) * 64 + length;
});

describe('packed IPv4 NLRI', () => {
  it('decodes the fewest-octets form and clears bits past the length (RFC 4271 §4.3)', () => {
    const out: number[] = [];
    decodeIpv4Packed(hex`00 08 0a 18 c0 00 02 17 c0 00 03 20 c6 33 64 01`, 0, 16, out);
    expect(out.map(formatIpv4Packed)).toEqual(['0.0.0.0/0', '10.0.0.0/8', '192.0.2.0/24', '192.0.2.0/23', '198.51.100.1/32']);
  });

  it('refuses a length over 32 and a prefix running past its field with 3/10 (RFC 7606 §5.3)', () => {
    expect(() => decodeIpv4Packed(hex`21 0a 00 00 00 00`, 0, 6, [])).toThrow(expect.objectContaining({ code: 3, subcode: 10 }));
    expect(() => decodeIpv4Packed(hex`18 0a 00`, 0, 3, [])).toThrow(expect.objectContaining({ code: 3, subcode: 10 }));
  });

  it('agrees with the text codec on any prefix, both ways (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(prefixArb, { maxLength: 40 }), (packed) => {
        const w = new Writer(16);
        for (const p of packed) encodeIpv4Packed(w, p);
        const bytes = w.toBuffer();
        const text = decodeAsText(bytes);
        expect(text).toEqual(packed.map(formatIpv4Packed));
        expect(text.map(parseIpv4PrefixPacked)).toEqual(packed);
        const back: number[] = [];
        decodeIpv4Packed(bytes, 0, bytes.length, back);
        expect(back).toEqual(packed);
      }),
    );
  });

  it('makes the text of a decoded list on first read, and compares equal to the plain list', () => {
    const run = decodeNlriRun(ipv4Unicast, hex`18 0a 00 00 18 0a 00 01`, 0, 8, false);
    expect(packedIpv4Of(run)).toEqual([parseIpv4PrefixPacked('10.0.0.0/24'), parseIpv4PrefixPacked('10.0.1.0/24')]);
    expect(nlriCount(run)).toBe(2);
    expect(Object.getOwnPropertyDescriptor(run, 'prefixes')?.get).toBeDefined();
    expect(run).toEqual({ prefixes: ['10.0.0.0/24', '10.0.1.0/24'] });
    expect(Object.getOwnPropertyDescriptor(run, 'prefixes')?.value).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(JSON.stringify(run)).toBe('{"prefixes":["10.0.0.0/24","10.0.1.0/24"]}');
  });

  it('drops the packed form when prefixes are replaced, so the encoder writes what was assigned', () => {
    const list = attachPackedIpv4({} as { prefixes: string[] }, [parseIpv4PrefixPacked('10.0.0.0/24')]);
    list.prefixes = ['192.0.2.0/24'];
    expect(packedIpv4Of(list)).toBeUndefined();
    const w = new Writer(16);
    encodeNlriRun(w, ipv4Unicast, list, false);
    expect(toHex(w.toBuffer())).toBe('18c00002');
  });

  it('encodes a packed list with ADD-PATH identifiers (RFC 7911 §3)', () => {
    const list = attachPackedIpv4({ pathIds: [7] }, [parseIpv4PrefixPacked('10.0.0.0/8')]);
    const w = new Writer(16);
    encodeNlriRun(w, ipv4Unicast, list, true);
    expect(toHex(w.toBuffer())).toBe('00000007080a');
  });

  describe('printed and serialised (console.log, JSON.stringify)', () => {
    const packedOf = (...prefixes: string[]) => prefixes.map(parseIpv4PrefixPacked);
    const list = () => attachPackedIpv4({ afi: 1, safi: 1, nextHop: ['192.0.2.1'] }, packedOf('10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'));
    const stillLazy = (l: object) => typeof Object.getOwnPropertyDescriptor(l, 'prefixes')?.get === 'function';

    it('util.inspect shows the prefixes, not [Getter/Setter], and makes no text it keeps', () => {
      const l = list();
      expect(inspect(l, { breakLength: Infinity })).toBe("{ afi: 1, safi: 1, nextHop: [ '192.0.2.1' ], prefixes: PackedPrefixes(3) [ '10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24' ] }");
      expect(inspect({ announced: [l] }, { depth: 3 })).not.toMatch(/Getter/);
      expect(stillLazy(l)).toBe(true);
      // Once the text is read, it is the plain array it always was.
      expect(l.prefixes).toHaveLength(3);
      expect(inspect(l, { breakLength: Infinity })).toBe("{ afi: 1, safi: 1, nextHop: [ '192.0.2.1' ], prefixes: [ '10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24' ] }");
    });

    it('caps a huge list at maxArrayLength, with text for the prefixes shown only', () => {
      const packed = Array.from({ length: 1_000_000 }, (_, i) => (0x0a000000 + i * 256) * 64 + 24);
      const l = attachPackedIpv4({ afi: 1, safi: 1 }, packed);
      const text = inspect(l, { maxArrayLength: 2, breakLength: Infinity });
      expect(text).toBe("{ afi: 1, safi: 1, prefixes: PackedPrefixes(1000000) [ '10.0.0.0/24', '10.0.1.0/24', ... 999998 more items ] }");
      expect(inspect(l).split('\n').length).toBeLessThan(40); // 100 prefixes by default, several a line
      expect(inspect([[l]], { depth: 1 })).toBe('[ [ [Object] ] ]');
      expect(stillLazy(l)).toBe(true);
    });

    it('JSON.stringify gives the prefixes as strings; equality and spreading ignore the hook', () => {
      const l = list();
      expect(JSON.parse(JSON.stringify({ announced: [l] }))).toEqual({ announced: [{ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'] }] });
      expect(list()).toStrictEqual({ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'] });
      expect(Object.getOwnPropertySymbols({ ...list() })).toEqual([]);
    });
  });
});
