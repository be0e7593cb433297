/**
 * FlowSpec NLRI on the wire (RFC 8955 §4, RFC 8956 §3, RFC 7911): hex vectors commented field by
 * field and checked both ways, the two-octet length, ADD-PATH, flow-vpn, and every malformed case
 * reported as a value (treat-as-withdraw) instead of an exception.
 */
import {
  decodeFlowNlri,
  encodeFlowNlriRun,
  encodeFlowRule,
  flowNlriAttrError,
  type FlowFamily,
  type FlowRule,
} from '../../../lib/families/flowspec';
import { AttrAction } from '../../../lib/wire/errors';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';

const V4: FlowFamily = { afi: 1, safi: 133 };
const V6: FlowFamily = { afi: 2, safi: 133 };
const V4VPN: FlowFamily = { afi: 1, safi: 134 };

function encode(rules: FlowRule[], family: FlowFamily, addPath = false, pathIds?: number[]): string {
  const w = new Writer(16);
  encodeFlowNlriRun(w, rules, family, addPath, pathIds);
  return toHex(w.view());
}

function decode(bytes: Buffer, family: FlowFamily, addPath = false) {
  return decodeFlowNlri(bytes, 0, bytes.length, family, addPath);
}

const eq = (value: number, and = false) => ({ and, lt: false, gt: false, eq: true, value });

describe('FlowSpec NLRI (RFC 8955 §4)', () => {
  const bytes = hex`
    11                 # NLRI length 17
    01 18 c00002       # destination 192.0.2.0/24
    03 81 06           # protocol: e, len 1, =6
    05 01 50 91 01bb   # destination-port: =80 | e, len 2, =443
    09 80 12           # tcp-flags: e, len 1, bits syn+ack (any of them set)
  `;
  const rule: FlowRule = {
    components: [
      { kind: 'prefix', type: 1, prefix: '192.0.2.0/24', offset: 0 },
      { kind: 'numeric', type: 3, ops: [eq(6)] },
      { kind: 'numeric', type: 5, ops: [eq(80), eq(443)] },
      { kind: 'bitmask', type: 9, ops: [{ and: false, not: false, match: false, value: 0x12 }] },
    ],
  };

  it('decodes and encodes', () => {
    expect(decode(bytes, V4)).toEqual({ rules: [rule] });
    expect(encode([rule], V4)).toBe(toHex(bytes));
  });

  it('writes an NLRI of 240 octets or more with the two-octet length 0xfnnn, and reads it back', () => {
    const ports = Array.from({ length: 80 }, (_, i) => eq(1000 + i)); // 80 x 3 octets
    const big: FlowRule = { components: [{ kind: 'numeric', type: 4, ops: ports }] };
    const out = encode([big], V4);
    expect(out.slice(0, 4)).toBe('f0f1'); // 0xf000 | 241: type + 240
    expect(decode(Buffer.from(out, 'hex'), V4)).toEqual({ rules: [big] });
  });

  it('reads a two-octet length below 240 (allowed, only needed from 240 on)', () => {
    expect(decode(hex`f005 01 18 c00002`, V4)).toEqual({ rules: [{ components: [rule.components[0]] }] });
  });

  it('refuses to encode a rule longer than 4095 octets', () => {
    const ports = Array.from({ length: 1400 }, (_, i) => eq(1000 + i));
    expect(() => encode([{ components: [{ kind: 'numeric', type: 4, ops: ports }] }], V4)).toThrow(/longer than the 4095/);
  });

  it('prefixes each NLRI with its ADD-PATH path identifier (RFC 7911 §3)', () => {
    const two = hex`
      00000007 05 01 18 c00002   # path id 7, destination 192.0.2.0/24
      00000009 03 03 81 11       # path id 9, protocol =17
    `;
    const rules: FlowRule[] = [{ components: [rule.components[0]] }, { components: [{ kind: 'numeric', type: 3, ops: [eq(17)] }] }];
    expect(decode(two, V4, true)).toEqual({ rules, pathIds: [7, 9] });
    expect(encode(rules, V4, true, [7, 9])).toBe(toHex(two));
    expect(encode(rules, V4, true).slice(0, 8)).toBe('00000000');
  });

  it('reads the RD of a flow-vpn NLRI (RFC 8955 §8)', () => {
    const vpn = hex`
      0e                   # length 14
      0000 ffff 00010000   # RD type 0, 65535:65536
      02 20 0a000001       # source 10.0.0.1/32
    `;
    const decoded = decode(vpn, V4VPN);
    expect(decoded.rules[0].rd).toEqual({ type: 0, admin: 65535, assigned: 65536 });
    expect(encode(decoded.rules, V4VPN)).toBe(toHex(vpn));
    expect(() => encode([{ components: [] }], V4VPN)).toThrow(/needs a route distinguisher/);
    expect(() => encode(decoded.rules, V4)).toThrow(/only flow-vpn/);
  });

  it('ignores the a bit of a first pair and the reserved bits (RFC 8955 §4.2.1)', () => {
    const decoded = decode(hex`03 03 c9 06`, V4); // protocol: e, a, reserved 0x08, =6
    expect(decoded.rules[0].components[0]).toEqual({ kind: 'numeric', type: 3, ops: [eq(6)] });
    expect(encode(decoded.rules, V4)).toBe('03038106');
  });
});

describe('IPv6 prefixes with an offset (RFC 8956 §3.1)', () => {
  it.each([
    ['2001:db8::/32 offset 0', hex`07 01 20 00 20010db8`, '2001:db8::/32', 0],
    ['bits 64..95', hex`07 01 60 40 12345678`, '::1234:5678:0:0/96', 64],
    ['bits 3..12, not on an octet boundary', hex`05 02 0d 03 a5 40`, '14a8::/13', 3],
    ['::/0 matching every address', hex`03 01 00 00`, '::/0', 0],
    ['the last bit only', hex`04 02 80 7f 80`, '::1/128', 127],
  ])('%s', (_name, bytes, prefix, offset) => {
    const decoded = decode(bytes, V6);
    expect(decoded.errors).toBeUndefined();
    expect(decoded.rules[0].components[0]).toMatchObject({ kind: 'prefix', prefix, offset });
    expect(encode(decoded.rules, V6)).toBe(toHex(bytes));
  });

  it('ignores pattern padding bits on receipt and writes them as 0', () => {
    const decoded = decode(hex`05 02 0d 03 a5 7f`, V6); // the low 6 bits of the last octet are padding
    expect(decoded.rules[0].components[0]).toMatchObject({ prefix: '14a8::/13', offset: 3 });
    expect(encode(decoded.rules, V6)).toBe('05020d03a540');
  });
});

describe('malformed FlowSpec NLRI are reported, not thrown (RFC 8955 §4.2, RFC 7606)', () => {
  it.each([
    ['components out of order', V4, hex`0b 02 20 0a000001 01 18 c00002`, /component type 1 after type 2/],
    ['a component type twice', V4, hex`06 03 81 06 03 81 11`, /component type 3 after type 3/],
    ['an unknown component type', V4, hex`03 0e 81 01`, /unknown component type 14 for IPv4/],
    ['the IPv6 flow label in an IPv4 rule', V4, hex`03 0d 81 01`, /unknown component type 13 for IPv4/],
    ['component type 0', V6, hex`03 00 81 01`, /unknown component type 0/],
    ['a 2-octet protocol', V4, hex`04 03 91 0006`, /protocol: a 2-octet value .* longer than the 1/],
    ['an 8-octet port', V4, hex`0a 05 b1 0000000000000050`, /destination-port: a 8-octet value/],
    ['a 4-octet fragment', V4, hex`06 0c a1 00000002`, /fragment: a 4-octet value/],
    ['an operator list without its end bit', V4, hex`03 03 01 06`, /runs past the end of the NLRI/],
    ['a value cut short', V4, hex`03 05 91 00`, /a value runs past the end/],
    ['an IPv4 prefix longer than 32', V4, hex`06 01 21 0a000001`, /IPv4 prefix length 33 > 32/],
    ['an IPv4 prefix cut short', V4, hex`04 01 20 0a00`, /the prefix runs past the end/],
    ['an IPv6 offset not below the length', V6, hex`04 01 40 40 00`, /offset 64 is not below its length 64/],
    ['an IPv6 prefix longer than 128', V6, hex`03 01 81 00`, /IPv6 prefix length 129 > 128/],
    ['a flow-vpn NLRI too short for its RD', V4VPN, hex`04 00000000`, /no room for its route distinguisher/],
  ])('%s', (_name, family, bytes, reason) => {
    const decoded = decode(bytes, family);
    expect(decoded.rules).toEqual([]);
    expect(decoded.errors).toEqual([{ offset: 0, reason: expect.stringMatching(reason) }]);
  });

  it.each([
    ['an NLRI length past the field', hex`09 01 18 c00002`, /the NLRI length 9 runs past the end of the field/],
    ['a two-octet length cut short', hex`f0`, /the NLRI length runs past the end of the field/],
  ])('%s ends the field', (_name, bytes, reason) => {
    expect(decode(bytes, V4).errors).toEqual([{ offset: 0, reason: expect.stringMatching(reason) }]);
  });

  it('reads on past a malformed NLRI, whose own length says where the next one starts', () => {
    const decoded = decode(hex`03 0e 81 01   05 01 18 c00002   03 03 91 00`, V4);
    expect(decoded.rules).toEqual([{ components: [{ kind: 'prefix', type: 1, prefix: '192.0.2.0/24', offset: 0 }] }]);
    expect(decoded.errors?.map((e) => e.offset)).toEqual([0, 10]);
  });

  it('reports a path identifier cut short under ADD-PATH', () => {
    expect(decode(hex`000000`, V4, true).errors).toEqual([{ offset: 0, reason: expect.stringMatching(/path identifier runs past/) }]);
  });

  it('becomes a treat-as-withdraw AttrError for the UPDATE decoder', () => {
    const error = flowNlriAttrError(decode(hex`03 0e 81 01  03 0e 81 01`, V4).errors!);
    expect(error).toMatchObject({ attrType: 14, action: AttrAction.TREAT_AS_WITHDRAW });
    expect(error.message).toBe('malformed FlowSpec NLRI at offset 0: unknown component type 14 for IPv4 (and 1 more)');
    expect(flowNlriAttrError([{ offset: 3, reason: 'x' }], 15).attrType).toBe(15);
  });
});

describe('encodeFlowRule refuses rules that cannot be sent', () => {
  it.each([
    ['out of order', { components: [{ kind: 'numeric', type: 5, ops: [eq(1)] }, { kind: 'numeric', type: 4, ops: [eq(1)] }] }, /types must strictly increase/],
    ['a value too large', { components: [{ kind: 'numeric', type: 3, ops: [eq(256)] }] }, /value 256 does not fit 1 octet/],
    ['no operator', { components: [{ kind: 'numeric', type: 3, ops: [] }] }, /needs at least one operator/],
    ['a kind that does not fit the type', { components: [{ kind: 'bitmask', type: 3, ops: [] }] }, /not a bitmask component/],
    ['host bits', { components: [{ kind: 'prefix', type: 1, prefix: '10.0.0.1/8', offset: 0 }] }, /not an IPv4 prefix/],
  ] as [string, FlowRule, RegExp][])('%s', (_name, rule, message) => {
    expect(() => encodeFlowRule(new Writer(), rule, V4)).toThrow(message);
  });
});
