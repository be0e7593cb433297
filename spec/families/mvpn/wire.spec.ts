/**
 * MVPN NLRI on the wire (RFC 6514 §4): every route type 1-7 decoded field by field and encoded back
 * to the same octets, IPv4 and IPv6, RFC 6625 wildcards; a route type rxbgp does not know kept as
 * octets; RFC 7911 path ids; malformed NLRI as treat-as-withdraw (RFC 7606 §5.4), never a reset.
 */
import { familyContext } from '../../../lib/families/family-context';
import { ipv4McastVpnFamily, ipv6McastVpnFamily } from '../../../lib/families/mvpn';
import { decodeMvpnNlri } from '../../../lib/families/mvpn/decode-nlri';
import { encodeMvpnRoute } from '../../../lib/families/mvpn/encode-nlri';
import type { MvpnRoute } from '../../../lib/families/mvpn/types';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { Writer } from '../../../lib/wire/writer';
import { DEFAULT_CONTEXT, familyKey, type UpdateMessage } from '../../../lib/wire/types';
import { hex } from '../../helpers/hex';

const RD = { type: 0, admin: 65000, assigned: 1 };

/** One NLRI per route type and shape, with the value it decodes to and its canonical text. */
const VECTORS: ReadonlyArray<readonly [string, Buffer, MvpnRoute, string]> = [
  ['type 1 IPv4', hex`01 0c  0000 fde8 00000001  c0000201`, { type: 1, rd: RD, originator: '192.0.2.1' }, 'intra-as-ipmsi-ad rd 65000:1 originator 192.0.2.1'],
  ['type 1 IPv6', hex`01 18  0000 fde8 00000001  20010db8000000000000000000000001`, { type: 1, rd: RD, originator: '2001:db8::1' }, 'intra-as-ipmsi-ad rd 65000:1 originator 2001:db8::1'],
  ['type 2', hex`02 0c  0001 c0000201 0007  0000fde9`, { type: 2, rd: { type: 1, admin: 0xc0000201, assigned: 7 }, sourceAs: 65001 }, 'inter-as-ipmsi-ad rd 192.0.2.1:7 source-as 65001'],
  [
    'type 3 IPv4',
    hex`03 16  0000 fde8 00000001  20 0a000001  20 e8010101  c0000201`,
    { type: 3, rd: RD, source: '10.0.0.1', group: '232.1.1.1', originator: '192.0.2.1' },
    'spmsi-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1 originator 192.0.2.1',
  ],
  ['type 3 wildcards (RFC 6625)', hex`03 0e  0000 fde8 00000001  00  00  c0000201`, { type: 3, rd: RD, source: '*', group: '*', originator: '192.0.2.1' }, 'spmsi-ad rd 65000:1 source * group * originator 192.0.2.1'],
  [
    'type 4 answering a type 3',
    hex`04 1c  03 16 0000fde800000001 20 0a000001 20 e8010101 c0000201  c6336401`,
    { type: 4, routeKey: '0316' + '0000fde800000001200a00000120e8010101c0000201', originator: '198.51.100.1' },
    'leaf-ad route-key 0x03160000FDE800000001200A00000120E8010101C0000201 originator 198.51.100.1',
  ],
  ['type 5 IPv4', hex`05 12  0000 fde8 00000001  20 0a000001  20 e8010101`, { type: 5, rd: RD, source: '10.0.0.1', group: '232.1.1.1' }, 'source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1'],
  [
    'type 6 IPv6',
    hex`06 2e  0000 fde8 00000001  0000fde8  80 fd000000000000000000000000000001  80 ff0e0000000000000000000000000001`,
    { type: 6, rd: RD, sourceAs: 65000, source: 'fd00::1', group: 'ff0e::1' },
    'shared-join rd 65000:1 source-as 65000 rp fd00::1 group ff0e::1',
  ],
  [
    'type 7 IPv4, 4-octet AS',
    hex`07 16  0002 0001d4c0 0005  fa56ea00  20 0a000001  20 e8010101`,
    { type: 7, rd: { type: 2, admin: 120000, assigned: 5 }, sourceAs: 4200000000, source: '10.0.0.1', group: '232.1.1.1' },
    'source-join rd 120000:5 source-as 4200000000 source 10.0.0.1 group 232.1.1.1',
  ],
  ['unknown type 9', hex`09 03 010203`, { type: 9, raw: '010203' }, 'generic code 9 raw 0x010203'],
];

function encoded(route: MvpnRoute): string {
  const w = new Writer(300);
  encodeMvpnRoute(w, route);
  return w.view().toString('hex');
}

describe('MVPN NLRI', () => {
  it.each(VECTORS)('%s decodes to its fields and text and encodes to the same octets', (_name, bytes, value, text) => {
    const run = decodeMvpnNlri(bytes, 0, bytes.length, false);
    expect(run.error).toBeUndefined();
    expect(run.values).toEqual([value]);
    expect(encoded(value)).toBe(bytes.toString('hex'));
    expect(ipv4McastVpnFamily.formatText(value)).toBe(text);
    const parsed = ipv4McastVpnFamily.parseText(text);
    expect(parsed.ok && parsed.value).toEqual(value);
  });

  it('reads a field of every type at once, and path ids under ADD-PATH (RFC 7911)', () => {
    const field = Buffer.concat(VECTORS.map(([, b]) => b));
    expect(decodeMvpnNlri(field, 0, field.length, false).values).toEqual(VECTORS.map(([, , v]) => v));
    const withIds = Buffer.concat(VECTORS.flatMap(([, b], i) => [hex`0000000${(i + 1).toString(16)}`, b]));
    const run = decodeMvpnNlri(withIds, 0, withIds.length, true);
    expect(run.error).toBeUndefined();
    expect(run.pathIds).toEqual(VECTORS.map((_v, i) => i + 1));
    expect(run.values).toEqual(VECTORS.map(([, , v]) => v));
  });

  const ok = VECTORS[0][1];
  it.each([
    ['a type 1 of 13 octets', hex`01 0d 0000fde800000001 c000020101`, 'Intra-AS I-PMSI A-D route of 13 octets'],
    ['a type 2 of 11 octets', hex`02 0b 0000fde800000001 0000fd`, 'Inter-AS I-PMSI A-D route of 11 octets'],
    ['a type 3 source length of 24', hex`03 15 0000fde800000001 18 0a0000 20 e8010101 c0000201`, 'multicast source length of 24 bits'],
    ['a type 4 route key longer than the route', hex`04 06 03 20 0a000001`, 'Leaf A-D route of 6 octets'],
    ['a type 5 with octets after its group', hex`05 13 0000fde800000001 20 0a000001 20 e8010101 00`, 'Source Active A-D route of 19 octets with 1 after its group'],
    ['a type 7 group running past the route', hex`07 14 0000fde800000001 0000fde8 20 0a000001 20 e801`, 'Source Tree Join route with a multicast group of 32 bits runs past the route'],
  ])('%s is malformed: the other NLRI are read, and the UPDATE is treat-as-withdraw (RFC 7606 §5.4)', (_name, bad, why) => {
    const field = Buffer.concat([ok, bad, ok]);
    const run = decodeMvpnNlri(field, 0, field.length, false);
    expect(run.error).toContain(`at offset ${ok.length}: `);
    expect(run.error).toContain(why);
    expect(run.values).toEqual([VECTORS[0][2], VECTORS[0][2]]);
    const m = update(mpReach(1, hex`c6336401`, field));
    expect(m.errorAction).toBe('treat-as-withdraw');
  });

  it('is malformed, not a reset, when an NLRI runs past the end of the field', () => {
    const field = Buffer.concat([ok, hex`05 12 0000fde8`]);
    expect(decodeMvpnNlri(field, 0, field.length, false).error).toBe(`at offset ${ok.length}: route type 5 of 18 octets runs past the end of the field`);
    expect(update(mpUnreach(2, field)).errorAction).toBe('treat-as-withdraw');
  });

  it('carries IPv6 routes under AFI 2 with an IPv4 or IPv6 next hop, and encodes the UPDATE back', () => {
    const nlri = VECTORS[7][1];
    for (const nh of [hex`0a0a0603`, hex`20010db8000000000000000000000001`]) {
      const bytes = updateOf(mpReach(2, nh, nlri));
      const m = update(mpReach(2, nh, nlri));
      expect(m.errorAction).toBeUndefined();
      expect(m.announced[0].afi).toBe(2);
      expect(m.announced[0].prefixes).toEqual([VECTORS[7][3]]);
      expect(encodeMessage(m, DEFAULT_CONTEXT_MVPN).toString('hex')).toBe(bytes.toString('hex'));
    }
    expect(ipv6McastVpnFamily.name).toBe('ipv6 mcast-vpn');
  });

  it('encodes and decodes path ids in whole UPDATEs under ADD-PATH', () => {
    const ctx = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set([familyKey(1, 5)]) });
    const bytes = updateOf(mpReach(1, hex`c6336401`, Buffer.concat([hex`00000007`, VECTORS[6][1], hex`00000008`, VECTORS[8][1]])));
    const m = decodeMessage(bytes, ctx) as UpdateMessage;
    expect(m.announced[0].pathIds).toEqual([7, 8]);
    expect(encodeMessage(m, ctx).toString('hex')).toBe(bytes.toString('hex'));
  });
});

const DEFAULT_CONTEXT_MVPN = familyContext(DEFAULT_CONTEXT);

function update(attributes: Buffer): UpdateMessage {
  const m = decodeMessage(updateOf(attributes), DEFAULT_CONTEXT_MVPN);
  if (m.type !== 'update') throw new Error(`not an UPDATE: ${m.type}`);
  return m;
}

function attribute(flags: number, type: number, value: Buffer): Buffer {
  return value.length > 255
    ? Buffer.concat([Buffer.from([flags | 0x10, type, value.length >> 8, value.length & 255]), value])
    : Buffer.concat([Buffer.from([flags, type, value.length]), value]);
}

/** ORIGIN IGP, empty AS_PATH, LOCAL_PREF 100 and MP_REACH_NLRI (RFC 4760 §3) of AFI `afi` / SAFI 5. */
function mpReach(afi: number, nextHop: Buffer, nlri: Buffer): Buffer {
  return Buffer.concat([hex`40 01 01 00  40 02 00  40 05 04 00000064`, attribute(0x80, 14, Buffer.concat([Buffer.from([0, afi, 5, nextHop.length]), nextHop, Buffer.from([0]), nlri]))]);
}

function mpUnreach(afi: number, nlri: Buffer): Buffer {
  return attribute(0x80, 15, Buffer.concat([Buffer.from([0, afi, 5]), nlri]));
}

export function updateOf(attributes: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from([0, 0, attributes.length >> 8, attributes.length & 255]), attributes]);
  const header = Buffer.alloc(19, 0xff);
  header.writeUInt16BE(19 + body.length, 16);
  header[18] = 2;
  return Buffer.concat([header, body]);
}
