/**
 * The EVPN NLRI codec (lib/families/evpn/decode-nlri.ts, encode-nlri.ts): each route type read from
 * its hand-written octets to the fields RFC 7432 §7 / RFC 9136 §3.1 give it, written back to the same
 * octets; a route type rxbgp does not know kept as octets; RFC 7911 path ids; malformed NLRI as
 * treat-as-withdraw (RFC 7606 §5.4), never a session reset; IPv4 and IPv6 next hops.
 */
import { evpnFamily, type EvpnRoute } from '../../../lib/families';
import { decodeEvpnNlri } from '../../../lib/families/evpn/decode-nlri';
import { encodeEvpnRoute } from '../../../lib/families/evpn/encode-nlri';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, familyKey, type UpdateMessage } from '../../../lib/wire/types';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';
import { announce, NLRI, withdraw, withPathIds } from './helpers/vectors';

const RD_65000_1 = { type: 0, admin: 65000, assigned: 1 };
const ZERO = '00000000000000000000';

/** What each NLRI of helpers/vectors.ts holds. */
const EXPECTED: Record<keyof typeof NLRI, EvpnRoute> = {
  ethernetAd: { type: 1, rd: RD_65000_1, esi: '00112233445566778899', etag: 100, label: 0x000641 },
  ethernetAdMaxTag: { type: 1, rd: { type: 1, admin: 0xc0000201, assigned: 7 }, esi: ZERO, etag: 0xffffffff, label: 0 },
  macOnly: { type: 2, rd: { type: 1, admin: 0xc0000201, assigned: 7 }, esi: ZERO, etag: 0, macLength: 48, mac: '001122334455', labels: [0x641] },
  macIpv4TwoLabels: { type: 2, rd: RD_65000_1, esi: '0102030405060708090a', etag: 1000, macLength: 48, mac: '02aabbccddee', ip: '10.0.0.1', labels: [0x641, 0x7d01] },
  macIpv6Vni: { type: 2, rd: { type: 2, admin: 4200000000, assigned: 7 }, esi: ZERO, etag: 0, macLength: 48, mac: '001122334455', ip: '2001:db8::1', labels: [10] },
  multicastIpv4: { type: 3, rd: RD_65000_1, etag: 0, ip: '192.0.2.1' },
  multicastIpv6: { type: 3, rd: { type: 0, admin: 65000, assigned: 2 }, etag: 100, ip: '2001:db8::2' },
  segmentIpv4: { type: 4, rd: RD_65000_1, esi: '00112233445566778899', ip: '192.0.2.1' },
  prefixIpv4: { type: 5, rd: RD_65000_1, esi: ZERO, etag: 0, ip: '10.0.0.0', length: 24, gateway: '0.0.0.0', label: 0x641 },
  prefixIpv6Gateway: { type: 5, rd: RD_65000_1, esi: ZERO, etag: 0, ip: '2001:db8:1::', length: 64, gateway: '2001:db8::1', label: 0x641 },
};

function encoded(routes: readonly EvpnRoute[]): string {
  const w = new Writer(64);
  for (const r of routes) encodeEvpnRoute(w, r);
  return toHex(w.view());
}

const plain = familyContext(DEFAULT_CONTEXT);
const addPath = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set([familyKey(25, 70)]) });

function update(message: Buffer, ctx = plain): UpdateMessage {
  const m = decodeMessage(message, ctx);
  if (m.type !== 'update') throw new Error(m.type);
  return m;
}

describe('EVPN NLRI codec', () => {
  it.each(Object.keys(EXPECTED).map((k) => [k] as const))('%s: decodes to its fields and encodes to the same octets', (name) => {
    const bytes = NLRI[name as keyof typeof NLRI];
    const run = decodeEvpnNlri(bytes, 0, bytes.length, false);
    expect(run.error).toBeUndefined();
    expect(run.values).toEqual([EXPECTED[name as keyof typeof NLRI]]);
    expect(encoded(run.values)).toBe(toHex(bytes));
  });

  it('keeps a route type it does not know as octets, and passes it on as received (RFC 7432 §7)', () => {
    const bytes = hex`09 03 aabbcc   00 00   ${toHex(NLRI.multicastIpv4)}`;
    const run = decodeEvpnNlri(bytes, 0, bytes.length, false);
    expect(run.error).toBeUndefined();
    expect(run.values).toEqual([{ type: 9, raw: 'aabbcc' }, { type: 0, raw: '' }, EXPECTED.multicastIpv4]);
    expect(encoded(run.values)).toBe(toHex(bytes));
    expect(evpnFamily.formatText(run.values[0])).toBe('generic code 9 raw 0xAABBCC');
  });

  it('reads RFC 7911 path ids before each NLRI', () => {
    const bytes = withPathIds([NLRI.macOnly, NLRI.prefixIpv4], 0xfffffffe);
    const run = decodeEvpnNlri(bytes, 0, bytes.length, true);
    expect(run.pathIds).toEqual([0xfffffffe, 0xffffffff]);
    expect(run.values).toEqual([EXPECTED.macOnly, EXPECTED.prefixIpv4]);
    const m = update(announce(hex`c6336401`, bytes), addPath);
    expect(m.announced[0].pathIds).toEqual([0xfffffffe, 0xffffffff]);
  });

  it.each([
    ['a type 1 route of 24 octets', hex`01 18 ${toHex(NLRI.ethernetAd.subarray(2, 26))}`, 'Ethernet Auto-Discovery route of 24 octets (expected 25)'],
    ['a MAC length above 48', Buffer.concat([NLRI.macOnly.subarray(0, 24), hex`31`, NLRI.macOnly.subarray(25)]), 'MAC length of 49 bits'],
    ['an IP length of 24 bits', Buffer.concat([NLRI.macOnly.subarray(0, 31), hex`18`, NLRI.macOnly.subarray(32)]), 'IP length of 24 bits'],
    ['a type 2 length that fits no IP', hex`02 22 ${toHex(NLRI.macOnly.subarray(2))} 00`, 'MAC/IP Advertisement route of 34 octets'],
    ['a multicast IP length of 64', Buffer.concat([NLRI.multicastIpv4.subarray(0, 14), hex`40`, NLRI.multicastIpv4.subarray(15)]), 'Inclusive Multicast route of 17 octets with an IP length of 64 bits'],
    ['a segment route without its IP', hex`04 13 ${toHex(NLRI.segmentIpv4.subarray(2, 21))}`, 'Ethernet Segment route of 19 octets'],
    ['a type 5 route of 35 octets', hex`05 23 ${toHex(NLRI.prefixIpv4.subarray(2))} 00`, 'IP Prefix route of 35 octets'],
    ['a type 5 IPv4 prefix length of 33', Buffer.concat([NLRI.prefixIpv4.subarray(0, 24), hex`21`, NLRI.prefixIpv4.subarray(25)]), 'prefix length of 33'],
  ])('%s is malformed: the other NLRI are read, and the UPDATE is treat-as-withdraw (RFC 7606 §5.4)', (_name, bad, why) => {
    const field = Buffer.concat([NLRI.multicastIpv4, bad, NLRI.segmentIpv4]);
    const run = decodeEvpnNlri(field, 0, field.length, false);
    expect(run.error).toContain(`at offset ${NLRI.multicastIpv4.length}: `);
    expect(run.error).toContain(why);
    expect(run.values).toEqual([EXPECTED.multicastIpv4, EXPECTED.segmentIpv4]);
    const m = update(announce(hex`c6336401`, field));
    expect(m.errorAction).toBe('treat-as-withdraw');
    expect(m.announced[0].prefixes).toEqual([evpnFamily.formatText(EXPECTED.multicastIpv4), evpnFamily.formatText(EXPECTED.segmentIpv4)]);
  });

  it('is malformed, not a reset, when an NLRI runs past the end of the field', () => {
    const field = Buffer.concat([NLRI.macOnly, hex`03 11 0000fde8`]);
    const run = decodeEvpnNlri(field, 0, field.length, false);
    expect(run.error).toBe(`at offset ${NLRI.macOnly.length}: route type 3 of 17 octets runs past the end of the field`);
    expect(update(withdraw(field)).errorAction).toBe('treat-as-withdraw');
  });

  it('keeps path ids parallel to the routes when an NLRI is malformed under ADD-PATH', () => {
    const bytes = withPathIds([NLRI.macOnly, hex`01 02 0000`, NLRI.prefixIpv4]);
    const run = decodeEvpnNlri(bytes, 0, bytes.length, true);
    expect(run.values).toEqual([EXPECTED.macOnly, EXPECTED.prefixIpv4]);
    expect(run.pathIds).toEqual([1, 3]);
    expect(run.error).toContain('Ethernet Auto-Discovery route of 2 octets');
  });

  it.each([
    ['IPv4', hex`c6336401`, ['198.51.100.1']],
    ['IPv6', hex`20010db8ffff00000000000000000001`, ['2001:db8:ffff::1']],
    ['IPv6 with a link-local address (RFC 2545 §3)', hex`20010db8ffff00000000000000000001 fe800000000000000000000000000001`, ['2001:db8:ffff::1', 'fe80::1']],
  ])('reads and writes an %s next hop', (_name, bytes, texts) => {
    expect(evpnFamily.wire.decodeNextHop(bytes, 0, bytes.length)).toEqual(texts);
    const w = new Writer(64);
    evpnFamily.wire.encodeNextHop(w, texts);
    expect(toHex(w.view())).toBe(toHex(bytes));
  });

  it('refuses a next hop of another length (RFC 7606 §7.11 handles it)', () => {
    expect(evpnFamily.wire.decodeNextHop(hex`c63364`, 0, 3)).toBeUndefined();
  });

  it('refuses to encode what does not fit the wire', () => {
    const w = new Writer(64);
    expect(() => encodeEvpnRoute(w, { type: 5, rd: RD_65000_1, esi: ZERO, etag: 0, ip: '10.0.0.0', length: 24, gateway: '::', label: 0 })).toThrow(/gateway/);
    expect(() => encodeEvpnRoute(w, { type: 9, raw: 'aa'.repeat(256) })).toThrow(/does not fit its Length octet/);
  });
});
