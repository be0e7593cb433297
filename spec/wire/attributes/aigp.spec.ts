import { wireKeyOf } from '../../../lib/wire/attributes';
import { aigp } from '../../../lib/wire/attributes/aigp';
import { AttrAction } from '../../../lib/wire/errors';
import { AttrType } from '../../../lib/wire/iana';
import type { CodecContext } from '../../../lib/wire/types';
import { hex, toHex } from '../../helpers/hex';
import { ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

const DISABLED: CodecContext = { ...ASN4, aigp: false };
const ENABLED: CodecContext = { ...ASN4, aigp: true };

describe('AIGP (RFC 7311)', () => {
  it('is optional non-transitive type 26, malformed => attribute discard (§3.2)', () => {
    expect({ code: aigp.code, flags: aigp.flags, malformed: aigp.malformed }).toEqual({ code: AttrType.AIGP, flags: 0x80, malformed: AttrAction.DISCARD });
  });

  it('decodes and encodes the AIGP TLV both ways', () => {
    const bytes = hex`
      80 1a 0b               # AIGP, optional, length 11
      01 000b                # AIGP TLV, length 11 (its header counted)
      0000000000000064       # metric 100
    `;
    const parts = decodeClean(bytes, ENABLED);
    expect(parts.attributes.aigp).toBe(100n);
    expect(encodeList(parts, ENABLED)).toBe(toHex(bytes));
  });

  it('keeps all 64 bits of the metric', () => {
    const bytes = hex`80 1a 0b  01 000b  fffffffffffffffe  # metric 2^64 - 2`;
    const parts = decodeClean(bytes);
    expect(parts.attributes.aigp).toBe(0xfffffffffffffffen);
    expect(encodeList(parts)).toBe(toHex(bytes));
  });

  it('keeps the first AIGP TLV and skips TLVs of other types', () => {
    const parts = decodeClean(hex`
      80 1a 19               # length 25
      07 0003                # a TLV of type 7, empty
      01 000b 0000000000000005  # the AIGP TLV: 5
      01 000b 0000000000000009  # a second one: ignored
    `);
    expect(parts.attributes.aigp).toBe(5n);
  });

  it.each([
    ['an AIGP TLV of length 10', hex`80 1a 0a  01 000a 00000000000064`],
    ['no AIGP TLV', hex`80 1a 03  07 0003`],
    ['a TLV running past the attribute', hex`80 1a 0b  01 000c 0000000000000064`],
    ['a TLV length shorter than its header', hex`80 1a 03  01 0002 00`.subarray(0, 6)],
    ['a cut TLV header', hex`80 1a 02  01 00`],
    ['the Transitive bit set', hex`c0 1a 0b  01 000b 0000000000000064`],
  ])('discards %s, keeping the route', (_name, bytes) => {
    const list = decodeList(Buffer.concat([hex`40 01 01 00`, bytes]), ENABLED);
    expect({ action: list.action, discarded: list.discarded }).toEqual({ action: AttrAction.DISCARD, discarded: [26] });
    expect(list.parts.attributes).toEqual({ origin: 0 });
  });

  it('is ignored, without an error, on a session whose AIGP_SESSION is disabled (§3), malformed or not', () => {
    for (const bytes of [hex`80 1a 0b  01 000b 0000000000000064`, hex`80 1a 03  07 0003`]) {
      const list = decodeList(Buffer.concat([hex`40 01 01 00`, bytes]), DISABLED);
      expect({ action: list.action, discarded: list.discarded }).toEqual({ action: 0, discarded: [] });
      expect(list.parts.attributes).toEqual({ origin: 0 });
      // Re-decoding a wire key elsewhere would bring the AIGP back: none is attached.
      expect(wireKeyOf(list.parts.attributes)).toBeUndefined();
    }
    expect(wireKeyOf(decodeClean(hex`40 01 01 00  80 1a 0b  01 000b 0000000000000064`, ENABLED).attributes)).toBeDefined();
  });

  it('is not sent where AIGP_SESSION is disabled, and sent in type order otherwise', () => {
    const parts = { attributes: { origin: 0, aigp: 7n, largeCommunities: [[1, 2, 3]] as Array<[number, number, number]> } };
    expect(encodeList(parts, DISABLED)).toBe(toHex(hex`40 01 01 00  c0 20 0c 00000001 00000002 00000003`));
    expect(encodeList(parts, ENABLED)).toBe(toHex(hex`40 01 01 00  80 1a 0b 01 000b 0000000000000007  c0 20 0c 00000001 00000002 00000003`));
  });
});
