import { BgpError } from '../../../lib/wire/errors';
import { AttrAction } from '../../../lib/wire/errors';
import { familyKey, type CodecContext } from '../../../lib/wire/types';
import { hex, toHex } from '../../helpers/hex';
import { buildNlriRegistry, NLRI_CODECS, type NlriCodec } from '../../../lib/wire/nlri';
import { ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

function resetBy(bytes: Buffer, ctx?: CodecContext): { code: number; subcode: number; data: string } {
  try {
    decodeList(bytes, ctx);
  } catch (error) {
    if (!(error instanceof BgpError)) throw error;
    return { code: error.code, subcode: error.subcode, data: toHex(error.data) };
  }
  throw new Error('no BgpError');
}

describe('MP_REACH_NLRI (RFC 4760 §3)', () => {
  it('decodes and encodes IPv6 unicast with a global and a link-local next hop (RFC 2545 §3)', () => {
    const bytes = hex`
      80 0e 31                             # optional non-transitive, MP_REACH_NLRI, length 49
      0002 01                              # AFI IPv6, SAFI unicast
      20                                   # next hop length 32
      20010db8 00000000 00000000 00000001  # 2001:db8::1
      fe800000 00000000 00000000 00000001  # fe80::1
      00                                   # reserved
      20 20010db8                          # 2001:db8::/32
      30 20010db8 0001                     # 2001:db8:1::/48
    `;
    const mpReach = { afi: 2, safi: 1, prefixes: ['2001:db8::/32', '2001:db8:1::/48'], nextHop: ['2001:db8::1', 'fe80::1'] };
    expect(decodeClean(bytes).mpReach).toEqual(mpReach);
    expect(encodeList({ attributes: {}, mpReach })).toBe(toHex(bytes));
  });

  it('decodes and encodes IPv4 unicast, marked as carried in MP attributes', () => {
    const bytes = hex`
      80 0e 0d           # MP_REACH_NLRI, length 13
      0001 01            # AFI IPv4, SAFI unicast
      04 c0000201        # next hop 192.0.2.1
      00                 # reserved
      18 0a0001          # 10.0.1.0/24
    `;
    const mpReach = { afi: 1, safi: 1, mp: true, prefixes: ['10.0.1.0/24'], nextHop: ['192.0.2.1'] };
    expect(decodeClean(bytes).mpReach).toEqual(mpReach);
    expect(encodeList({ attributes: {}, mpReach })).toBe(toHex(bytes));
  });

  it('reads and writes ADD-PATH identifiers when negotiated for the family (RFC 7911)', () => {
    const ctx = { asn4: true, extendedMessage: false, addPath: new Set([familyKey(2, 1)]) };
    const bytes = hex`
      80 0e 27                             # MP_REACH_NLRI, length 39
      0002 01 10                           # IPv6 unicast, next hop length 16
      20010db8 00000000 00000000 00000001  # 2001:db8::1
      00                                   # reserved
      00000007 20 20010db8                 # path id 7, 2001:db8::/32
      00000009 20 20010db8                 # path id 9, 2001:db8::/32
    `;
    const mpReach = { afi: 2, safi: 1, prefixes: ['2001:db8::/32', '2001:db8::/32'], pathIds: [7, 9], nextHop: ['2001:db8::1'] };
    expect(decodeClean(bytes, ctx).mpReach).toEqual(mpReach);
    expect(encodeList({ attributes: {}, mpReach }, ctx)).toBe(toHex(bytes));
  });

  it('accepts an IPv6 next hop for IPv4 NLRI (RFC 8950)', () => {
    const bytes = hex`80 0e 17 0001 01 10 20010db8000000000000000000000001 00 08 0a`;
    expect(decodeClean(bytes).mpReach).toEqual({ afi: 1, safi: 1, mp: true, prefixes: ['10.0.0.0/8'], nextHop: ['2001:db8::1'] });
  });

  it('clears trailing bits past the prefix length', () => {
    const parts = decodeClean(hex`80 0e 18 0002 01 10 20010db8000000000000000000000001 00 09 20ff  # 9 bits of 0x20ff`);
    expect(parts.mpReach?.prefixes).toEqual(['2080::/9']);
  });

  it.each([
    ['shorter than AFI, SAFI and next hop length', hex`80 0e 03 0002 01`],
    ['a next hop running past the attribute', hex`80 0e 06 0002 01 10 2001`],
    ['a 5-octet next hop for IPv6', hex`80 0e 0b 0002 01 05 c000020100 00 00`],
  ])('resets the session with Optional Attribute Error when %s (RFC 7606 §7.11, RFC 4760 §7)', (_why, bytes) => {
    expect(resetBy(bytes)).toEqual({ code: 3, subcode: 9, data: toHex(bytes) });
  });

  it('resets with Attribute Flags Error, the attribute as data, when its flags are wrong', () => {
    const bytes = hex`c0 0e 03 0002 01`;
    expect(resetBy(bytes)).toEqual({ code: 3, subcode: 4, data: toHex(bytes) });
  });

  it('resets with Invalid Network Field when an NLRI is malformed (RFC 7606 §5.3)', () => {
    expect(resetBy(hex`80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 81 20010db8  # /129`)).toEqual({ code: 3, subcode: 10, data: '' });
    expect(resetBy(hex`80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 40 20010db8  # /64 in 4 octets`)).toEqual({ code: 3, subcode: 10, data: '' });
  });

  it('discards a family it has no codec for, unless it is empty', () => {
    expect(decodeList(hex`80 0e 0b 0019 46 04 c0000201 00 01 02  # L2VPN EVPN with NLRI`)).toMatchObject({
      action: AttrAction.DISCARD,
      discarded: [14],
    });
    expect(decodeClean(hex`80 0e 05 0019 46 00 00  # L2VPN EVPN, no next hop, no NLRI`).mpReach).toEqual({
      afi: 25,
      safi: 70,
      prefixes: [],
      nextHop: [],
    });
  });

  it('uses the NLRI codecs of its context for a family wire does not know (CodecContext.nlri)', () => {
    // A made-up family AFI 25 / SAFI 70 whose NLRI are one octet each, written as its decimal text.
    const oneOctet: NlriCodec = {
      afi: 25,
      safi: 70,
      name: 'test one-octet',
      decodeField(target, buf, start, end) {
        const prefixes: string[] = [];
        for (let at = start; at < end; at++) prefixes.push(String(buf[at]));
        return Object.assign(target, { prefixes });
      },
      count: (list) => list.prefixes.length,
      encodeRange(w, list, _addPath, from, to) {
        for (let i = from; i < to; i++) w.u8(Number(list.prefixes[i]));
        return to;
      },
      decodeNextHop: (_buf, start, end) => (start === end ? [] : undefined),
      encodeNextHop: () => undefined,
    };
    const ctx: CodecContext = { ...ASN4, nlri: buildNlriRegistry([...NLRI_CODECS, oneOctet]) };
    const bytes = hex`
      80 0e 07      # MP_REACH_NLRI, length 7
      0019 46       # AFI 25, SAFI 70
      00            # no next hop
      00            # reserved
      01 02         # two one-octet NLRI
    `;
    const mpReach = { afi: 25, safi: 70, prefixes: ['1', '2'], nextHop: [] };
    expect(decodeClean(bytes, ctx).mpReach).toEqual(mpReach);
    expect(encodeList({ attributes: {}, mpReach }, ctx)).toBe(toHex(bytes));
    // The same bytes without the codec in the context: the family is unknown, the attribute discarded.
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.DISCARD, discarded: [14] });
    // Wire's own families stay known in that context.
    expect(decodeClean(hex`80 0e 0d 0001 01 04 c0000201 00 18 0a0001`, ctx).mpReach?.prefixes).toEqual(['10.0.1.0/24']);
  });

  it('refuses to encode a family without codec or a next hop of the wrong family', () => {
    expect(() => encodeList({ attributes: {}, mpReach: { afi: 25, safi: 70, prefixes: ['x'], nextHop: ['192.0.2.1'] } })).toThrow(/no NLRI codec/);
    expect(() => encodeList({ attributes: {}, mpReach: { afi: 2, safi: 1, prefixes: ['2001:db8::/32'], nextHop: ['192.0.2.1'] } })).toThrow(/IPv4 next hop/);
  });
});
