/**
 * The wire codec of the labeled families (lib/families/labeled-prefix): NLRI fields commented field
 * by field, checked both ways (decode to values, encode back to the same octets), RFC 7911 path ids,
 * the withdrawal labels of RFC 8277 §2.4, and malformed NLRI as RFC 7606 treat-as-withdraw.
 */
import { ipv4LabeledFamily, ipv4VpnFamily, ipv6LabeledFamily, ipv6VpnFamily, type AnyFamily } from '../../../lib/families';
import { familyContext } from '../../../lib/families/family-context';
import { encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { packUpdates } from '../../../lib/wire/update-pack';
import { Writer } from '../../../lib/wire/writer';
import { hex } from '../../helpers/hex';

function decode(family: AnyFamily, bytes: Buffer, addPath = false) {
  const run = family.wire.decodeField({}, bytes, 0, bytes.length, addPath) as { prefixes: string[]; pathIds?: number[]; malformed?: string };
  return { texts: run.prefixes, pathIds: run.pathIds, malformed: run.malformed };
}

function encode(family: AnyFamily, texts: string[], pathIds?: number[]): string {
  const w = new Writer(16);
  family.wire.encodeRange(w, { prefixes: texts, pathIds }, pathIds !== undefined, 0, texts.length, Infinity);
  return Buffer.from(w.view()).toString('hex');
}

function nextHop(family: AnyFamily, texts: string[]): string {
  const w = new Writer(16);
  family.wire.encodeNextHop(w, texts);
  return Buffer.from(w.view()).toString('hex');
}

/** Decodes, checks the texts, and encodes the texts back to the same octets. */
function bothWays(family: AnyFamily, bytes: Buffer, texts: string[], pathIds?: number[]): void {
  const run = decode(family, bytes, pathIds !== undefined);
  expect(run).toEqual({ texts, pathIds, malformed: undefined });
  expect(encode(family, texts, pathIds)).toBe(bytes.toString('hex'));
}

describe('labeled NLRI on the wire (RFC 8277 §2, RFC 4364 §4.3.4)', () => {
  it('reads and writes ExaBGP conf-vpn.ci: 10.0.0.0/25, label 1000, rd 65000:1', () => {
    bothWays(ipv4VpnFamily, hex`
      71                # length: 113 bits = 24 label + 64 RD + 25 prefix
      003e81            # label 1000 (1000 << 4 | S)
      0000 fde8 00000001 # RD type 0, 65000:1
      0a000000          # 10.0.0.0/25 (4 octets)
    `, ['10.0.0.0/25 label 1000 rd 65000:1']);
  });

  it('reads and writes a stack of labels, only the last with the bottom-of-stack bit (RFC 3032 §2.1)', () => {
    bothWays(ipv4LabeledFamily, hex`
      50           # 80 bits = 3 labels + 8
      000100       # label 16
      000110       # label 17
      000121       # label 18, S
      0a           # 10.0.0.0/8
    `, ['10.0.0.0/8 label [ 16 17 18 ]']);
  });

  it('reads RD types 1 and 2 (RFC 4364 §4.2)', () => {
    bothWays(ipv4VpnFamily, hex`
      70 003e81 0001 c0000201 0007 c00002     # 192.0.2.0/24, rd 192.0.2.1:7 (type 1)
      58 003e81 0002 fa56ea00 0007            # 0.0.0.0/0, rd 4200000000:7 (type 2)
    `, ['192.0.2.0/24 label 1000 rd 192.0.2.1:7', '0.0.0.0/0 label 1000 rd 4200000000:7']);
  });

  it('reads IPv6 labeled and VPN prefixes (RFC 4659)', () => {
    bothWays(ipv6LabeledFamily, hex`38 003e81 20010db8   # 2001:db8::/32 label 1000`, ['2001:db8::/32 label 1000']);
    bothWays(ipv6VpnFamily, hex`78 003e81 0000fde800000001 20010db8   # 2001:db8::/32 label 1000 rd 65000:1`, ['2001:db8::/32 label 1000 rd 65000:1']);
  });

  it('puts an RFC 7911 path identifier before each NLRI', () => {
    bothWays(ipv4VpnFamily, hex`
      00000001 71 003e81 0000fde800000001 0a000000
      ffffffff 71 003e81 0000fde800000001 0a000080
    `, ['10.0.0.0/25 label 1000 rd 65000:1', '10.0.0.128/25 label 1000 rd 65000:1'], [1, 0xffffffff]);
  });

  it('stops the stack at a withdrawal label 0x800000 or 0x000000 without an S bit (RFC 8277 §2.4), and sends it back as it came', () => {
    bothWays(ipv4VpnFamily, hex`71 800000 0000fde800000001 0a000000`, ['10.0.0.0/25 label 524288 (8388608) rd 65000:1']);
    bothWays(ipv4LabeledFamily, hex`30 000000 0a0000   # 10.0.0.0/24, label 0 entry`, ['10.0.0.0/24 label 0 (0)']);
  });

  it('withdraws in MP_UNREACH_NLRI with one 3-octet Compatibility field (RFC 8277 §2.4): a single label as it is, a stack as 0x800000', () => {
    const ctx = familyContext(DEFAULT_CONTEXT);
    const withdraw = (texts: string[]): string => {
      const message: UpdateMessage = { type: 'update', withdrawn: [{ afi: 1, safi: 128, mp: true, prefixes: texts }], attributes: {}, announced: [] };
      return encodeMessage(message, ctx).toString('hex');
    };
    // MP_UNREACH_NLRI (15): AFI 1, SAFI 128, then the NLRI.
    expect(withdraw(['10.0.0.0/25 label 1000 rd 65000:1'])).toMatch(/800f1300018071003e810000fde8000000010a000000$/);
    expect(withdraw(['10.0.0.0/25 label [ 1000 2000 ] rd 65000:1'])).toMatch(/800f13000180718000000000fde8000000010a000000$/);
    // Packed as the session sends them too (lib/wire/update-pack.ts).
    const packed = packUpdates({}, undefined, { afi: 1, safi: 128, mp: true, prefixes: ['10.0.0.0/25 label [ 1000 2000 ] rd 65000:1'] }, ctx, 4096);
    expect(packed.map((m) => m.toString('hex'))).toEqual([expect.stringMatching(/000180718000000000fde8000000010a000000$/)]);
  });

  it('clears bits past the prefix length (RFC 4271 §4.3)', () => {
    expect(decode(ipv4LabeledFamily, hex`21 003e81 0aff`).texts).toEqual(['10.128.0.0/9 label 1000']);
  });

  it.each([
    ['a length that runs past the field', hex`71 003e81 0000fde800000001 0a00`, 'at offset 0: length 113 bits runs past the end of the field'],
    ['a stack that never reaches its bottom', hex`30 003e80 003e80`, 'at offset 0: the label stack has no bottom-of-stack entry within the length'],
    ['a length too short for a label', hex`10 0a00`, 'at offset 0: length 16 bits leaves no room for a label'],
    ['a prefix longer than the address', hex`39 003e81 0a000000 00`, 'at offset 0: prefix length 33 > 32'],
  ])('keeps the NLRI before %s and says malformed (RFC 7606 §5.3, treat-as-withdraw)', (_what, tail, why) => {
    const bytes = Buffer.concat([hex`20 003e81 0a   # 10.0.0.0/8 label 1000`, tail]);
    const run = decode(ipv4LabeledFamily, bytes);
    expect(run.texts).toEqual(['10.0.0.0/8 label 1000']);
    expect(run.malformed).toBe(`malformed ipv4 nlri-mpls NLRI ${why.replace('offset 0', 'offset 5')}`);
  });

  it('refuses to encode what the family cannot carry', () => {
    expect(() => encode(ipv4VpnFamily, ['10.0.0.0/8 label [ 1 2 3 4 5 6 7 8 ] rd 1:1'])).toThrow('8 labels do not fit one NLRI (264 bits > 255)');
    expect(ipv4VpnFamily.parseText('10.0.0.0/8 label 1').ok).toBe(false);
    expect(ipv4LabeledFamily.parseText('10.0.0.0/8 label 1 rd 1:1')).toEqual({ ok: false, error: 'an ipv4 nlri-mpls route has no route distinguisher (with one it is ipv4 mpls-vpn)' });
    expect(ipv4LabeledFamily.parseText('10.0.0.0/8 label 1048576')).toEqual({ ok: false, error: 'label "1048576" is not an MPLS label (0..1048575)' });
  });
});

describe('labeled next hops', () => {
  it('writes an L3VPN next hop behind a zero RD: 12 octets for IPv4, 24 for IPv6, 48 with a link-local one (RFC 4364 §4.3.2, RFC 4659 §3.2.1)', () => {
    expect(nextHop(ipv4VpnFamily, ['200.10.0.101'])).toBe('0000000000000000c80a0065');
    expect(nextHop(ipv6VpnFamily, ['2001:db8::1'])).toBe(`0000000000000000${'20010db8' + '0'.repeat(23) + '1'}`);
    expect(nextHop(ipv6VpnFamily, ['81.52.17.146'])).toBe(`0000000000000000${'0'.repeat(20)}ffff51341192`);
    expect(nextHop(ipv6VpnFamily, ['2001:db8::1', 'fe80::1']).length).toBe(96);
    const bytes = Buffer.from(nextHop(ipv6VpnFamily, ['2001:db8::1', 'fe80::1']), 'hex');
    expect(ipv6VpnFamily.wire.decodeNextHop(bytes, 0, bytes.length)).toEqual(['2001:db8::1', 'fe80::1']);
    expect(ipv4VpnFamily.wire.decodeNextHop(hex`0000000000000000c80a0065`, 0, 12)).toEqual(['200.10.0.101']);
    expect(ipv4VpnFamily.wire.decodeNextHop(hex`c80a0065`, 0, 4)).toBeUndefined();
  });

  it('writes a labeled unicast next hop as a plain address; an IPv4 one of an IPv6 route IPv4-mapped (RFC 4798)', () => {
    expect(nextHop(ipv4LabeledFamily, ['192.0.2.1'])).toBe('c0000201');
    expect(nextHop(ipv6LabeledFamily, ['192.0.2.1'])).toBe(`${'0'.repeat(20)}ffffc0000201`);
  });
});
