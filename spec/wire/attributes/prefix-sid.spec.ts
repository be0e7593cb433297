/**
 * BGP Prefix-SID (RFC 8669, RFC 9252) both ways, on the attributes of ExaBGP's qa/ messages
 * (encoding/conf-prefix-sid.ci, encoding/conf-srv6-mup.ci, decoding/vpnv4-extended-nexthop-1)
 * and hand-written ones for what they do not cover.
 */
import { prefixSid } from '../../../lib/wire/attributes/prefix-sid';
import { AttrAction } from '../../../lib/wire/errors';
import type { PrefixSidTlv } from '../../../lib/wire/types';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

const VECTORS: Array<[string, Buffer, PrefixSidTlv[]]> = [
  [
    'label index 777 (ExaBGP qa/encoding/conf-prefix-sid.ci #1)',
    hex`c0 28 0a             # BGP Prefix-SID, optional transitive, length 10
        01 0007 00 0000      # Label-Index TLV, length 7, reserved, flags
        00000309             # label index 777`,
    [{ type: 1, labelIndex: 777 }],
  ],
  [
    'label index 300 and two SRGB ranges (conf-prefix-sid.ci #2)',
    hex`c0 28 1b
        01 0007 00 0000 0000012c   # Label-Index 300
        03 000e 0000               # Originator SRGB TLV, length 14, flags
        0c3500 001000              # base 800000, range 4096
        0f4240 001388              # base 1000000, range 5000`,
    [{ type: 1, labelIndex: 300 }, { type: 3, srgbs: [[800000, 4096], [1000000, 5000]] }],
  ],
  [
    'SRv6 L3 service with a SID structure (conf-srv6-mup.ci)',
    hex`c0 28 25
        05 0022 00                         # SRv6 L3 Service TLV, length 34, reserved
        01 001e 00                         # SID Information Sub-TLV, length 30, reserved
        20010db8000100010000000000000000   # SID 2001:db8:1:1::
        00 0048 00                         # flags, behavior 0x48 (End.DT4... as ExaBGP's qa names it), reserved
        01 0006 40 18 10 00 00 00          # SID Structure: 64, 24, 16, 0, 0, 0`,
    [{ type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 0x48, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] }] }] }],
  ],
  [
    'SRv6 L3 service without sub-sub-TLVs (qa/decoding/vpnv4-extended-nexthop-1)',
    hex`c0 28 1c
        05 0019 00
        01 0015 00 20010001000000000000000000000000 00 0000 00   # SID 2001:1::, behavior 0`,
    [{ type: 5, subTlvs: [{ type: 1, sid: '2001:1::', flags: 0, behavior: 0, subSubTlvs: [] }] }],
  ],
  [
    'SRv6 L2 service, unknown sub-TLV, sub-sub-TLV and TLV kept raw',
    hex`c0 28 2a
        06 0021 00                         # SRv6 L2 Service TLV, length 33
        01 0019 00 20010db8000000000000000000000001 00 ffff 00   # SID 2001:db8::1, behavior opaque
        09 0001 aa                         # sub-sub-TLV 9, kept
        07 0001 bb                         # sub-TLV 7, kept
        63 0003 010203                     # TLV 99, kept`,
    [
      {
        type: 6,
        subTlvs: [
          { type: 1, sid: '2001:db8::1', flags: 0, behavior: 0xffff, subSubTlvs: [{ type: 9, value: hex`aa` }] },
          { type: 7, value: hex`bb` },
        ],
      },
      { type: 99, value: hex`010203` },
    ],
  ],
];

describe('BGP Prefix-SID (RFC 8669, RFC 9252)', () => {
  it('is optional transitive type 40, malformed => attribute discard (RFC 8669 §6)', () => {
    expect({ code: prefixSid.code, flags: prefixSid.flags, malformed: prefixSid.malformed }).toEqual({ code: 40, flags: 0xc0, malformed: AttrAction.DISCARD });
  });

  it.each(VECTORS)('%s: decodes, and encodes back to the same octets', (_name, bytes, tlvs) => {
    const parts = decodeClean(bytes);
    expect(parts.attributes.prefixSid).toEqual(tlvs);
    expect(encodeList({ attributes: { prefixSid: tlvs } })).toBe(toHex(bytes));
  });

  it('sends clear flags and reserved octets whatever was received (RFC 8669 §3.1: "MUST be clear on transmission")', () => {
    const parts = decodeClean(hex`c0 28 0a  01 0007 ff ffff 00000001`);
    expect(encodeList(parts)).toBe(toHex(hex`c0 28 0a  01 0007 00 0000 00000001`));
  });

  it.each([
    ['a Label-Index TLV of length 6', hex`c0 28 09  01 0006 00 0000 000003`],
    ['an SRGB TLV of length 2 + 5', hex`c0 28 0a  03 0007 0000 0c3500 0010`],
    ['an SRGB TLV without a range', hex`c0 28 05  03 0002 0000`],
    ['two Label-Index TLVs', hex`c0 28 14  01 0007 00 0000 00000001  01 0007 00 0000 00000002`],
    ['a TLV running past the attribute', hex`c0 28 0a  01 0008 00 0000 00000001`],
    ['a cut TLV header', hex`c0 28 02  01 00`],
    ['an SRv6 service TLV without its reserved octet', hex`c0 28 03  05 0000`],
    ['a SID Information Sub-TLV shorter than 21', hex`c0 28 07  05 0004 00 01 0000`],
    ['a SID Structure of length 5', hex`c0 28 24  05 0021 00  01 001d 00 20010db8000000000000000000000001 00 0048 00  01 0005 40 18 10 00 00`],
    ['a Sub-TLV running past its TLV', hex`c0 28 08  05 0005 00 07 0005 aa`],
    ['the Transitive bit clear', hex`80 28 0a  01 0007 00 0000 00000309`],
  ])('discards %s, keeping the route', (_name, bytes) => {
    const list = decodeList(Buffer.concat([hex`40 01 01 00`, bytes]));
    expect({ action: list.action, discarded: list.discarded }).toEqual({ action: AttrAction.DISCARD, discarded: [40] });
    expect(list.parts.attributes).toEqual({ origin: 0 });
  });

  it('refuses to encode an SRGB that does not fit 24 bits', () => {
    expect(() => encodeList({ attributes: { prefixSid: [{ type: 3, srgbs: [[0x1000000, 1]] }] } })).toThrow('does not fit 24 bits');
  });
});
