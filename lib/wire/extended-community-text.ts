/**
 * RFC 4360 extended communities as text, as the 8 octets in one unsigned 64-bit bigint
 * (type, subtype, 6 value octets). Route target (subtype 0x02) and route origin (0x03) in the
 * three transitive layouts, picked from the global administrator:
 *   "target:65001:7"       two-octet AS specific, type 0x00: AS(2) local(4)      RFC 4360 §3.1
 *   "target:192.0.2.1:7"   IPv4 address specific, type 0x01: address(4) local(2)  RFC 4360 §3.2
 *   "target:4200000000:7"  four-octet AS specific, type 0x02: AS(4) local(2)      RFC 5668 §2
 * (an AS above 65535 needs the four-octet layout), and any value as "0x" + 16 hex digits.
 * The communities EVPN routes carry (type 0x06, RFC 7432 §7.5-7.9, RFC 9135; RFC 9012's
 * encapsulation, type 0x03): "mac-mobility:5[:sticky]" and "encap:VXLAN" as ExaBGP prints them, and,
 * read only (ExaBGP 4.2 prints them as 0x and hex, so rxbgp does too), GoBGP's words
 * "esi-label:100[:single-active]", "router-mac:00:11:22:33:44:55" and "default-gateway".
 */
import { formatIpv4Number, parseIpv4 } from './address';

/** Extended community type high octets (transitive), RFC 4360 §3 and RFC 5668. */
export const ExtendedCommunityType = { TWO_OCTET_AS: 0x00, IPV4_ADDRESS: 0x01, FOUR_OCTET_AS: 0x02 } as const;
/** Sub-types shared by those three types, RFC 4360 §4 and §5. */
export const ExtendedCommunitySubtype = { ROUTE_TARGET: 0x02, ROUTE_ORIGIN: 0x03 } as const;

const SUBTYPE_BY_NAME = new Map<string, number>([
  ['target', ExtendedCommunitySubtype.ROUTE_TARGET],
  ['origin', ExtendedCommunitySubtype.ROUTE_ORIGIN],
]);
const NAME_BY_SUBTYPE = new Map<number, string>([...SUBTYPE_BY_NAME].map(([n, s]) => [s, n]));

const U32 = /^\d{1,10}$/;
const RAW = /^0x[0-9a-fA-F]{16}$/;

function build(type: number, subtype: number, global: bigint, globalBits: number, local: bigint): bigint {
  const localBits = 48 - globalBits;
  return (BigInt(type) << 56n) | (BigInt(subtype) << 48n) | (global << BigInt(localBits)) | local;
}

/** RFC 9012 §4.1 tunnel types by ExaBGP's names (community/extended/encapsulation.py). */
const ENCAPSULATIONS = new Map<string, number>([
  ['default', 0],
  ['l2tpv3', 1],
  ['gre', 2],
  ['ip-in-ip', 7],
  ['vxlan', 8],
  ['nvgre', 9],
  ['mpls', 10],
  ['vxlan-gpe', 12],
  ['mpls-in-udp', 13],
]);
const ENCAPSULATION_NAMES = new Map<number, string>([
  [0, 'Default'],
  [1, 'L2TPv3'],
  [2, 'GRE'],
  [7, 'IP-in-IP'],
  [8, 'VXLAN'],
  [9, 'NVGRE'],
  [10, 'MPLS'],
  [12, 'VXLAN-GPE'],
  [13, 'MPLS-in-UDP'],
]);

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/**
 * The EVPN-related communities' words (module comment), the value, or why not; undefined when the
 * text is not one of them.
 */
export function parseEvpnExtendedCommunity(text: string): bigint | string | undefined {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? [] : text.slice(colon + 1).split(':');
  switch (kind) {
    case 'mac-mobility': {
      // RFC 7432 §7.7: type 0x06, sub-type 0x00, flags (bit 0: sticky), reserved, sequence number.
      const sticky = rest.length === 2 && rest[1].toLowerCase() === 'sticky';
      if ((rest.length !== 1 && !sticky) || !U32.test(rest[0]) || Number(rest[0]) > 0xffffffff) return 'expected mac-mobility:SEQUENCE or mac-mobility:SEQUENCE:sticky';
      return (0x0600n << 48n) | ((sticky ? 1n : 0n) << 40n) | BigInt(rest[0]);
    }
    case 'encap': {
      // RFC 9012 §4.1 (RFC 5512 §4.5): type 0x03, sub-type 0x0c, reserved (4), tunnel type (2).
      const tunnel = rest.length === 1 ? (ENCAPSULATIONS.get(rest[0].toLowerCase()) ?? (/^\d{1,5}$/.test(rest[0]) && Number(rest[0]) <= 0xffff ? Number(rest[0]) : undefined)) : undefined;
      if (tunnel === undefined) return `expected encap:TYPE (${[...ENCAPSULATION_NAMES.values()].join(', ')} or a number)`;
      return (0x030cn << 48n) | BigInt(tunnel);
    }
    case 'esi-label': {
      // RFC 7432 §7.5: type 0x06, sub-type 0x01, flags (bit 0: single-active), reserved (2), label (3).
      const single = rest.length === 2 && rest[1].toLowerCase() === 'single-active';
      if ((rest.length !== 1 && !single) || !U32.test(rest[0]) || Number(rest[0]) > 0xfffff) return 'expected esi-label:LABEL or esi-label:LABEL:single-active (LABEL 0..1048575)';
      return (0x0601n << 48n) | ((single ? 1n : 0n) << 40n) | (BigInt(rest[0]) << 4n);
    }
    case 'router-mac': {
      // RFC 9135 §8.1: type 0x06, sub-type 0x03, the router's MAC address.
      const mac = rest.join(':');
      if (!MAC.test(mac)) return 'expected router-mac:00:11:22:33:44:55';
      return (0x0603n << 48n) | BigInt(`0x${mac.replace(/:/g, '')}`);
    }
    case 'default-gateway':
      // RFC 7432 §7.8: type 0x03, sub-type 0x0d, the rest zero.
      if (rest.length !== 0) return 'default-gateway takes no value';
      return 0x030dn << 48n;
  }
  return undefined;
}

/** The 8 octets as a bigint, or what was expected ("expected ..."). */
export function parseExtendedCommunity(text: string): bigint | string {
  if (RAW.test(text)) return BigInt(text);
  const evpn = parseEvpnExtendedCommunity(text);
  if (evpn !== undefined) return evpn;
  const parts = text.split(':');
  const subtype = parts.length === 3 ? SUBTYPE_BY_NAME.get(parts[0].toLowerCase()) : undefined;
  if (subtype === undefined) {
    return 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits';
  }
  const [, admin, number] = parts;
  if (!U32.test(number) || Number(number) > 0xffffffff) {
    return 'expected an extended community whose NUMBER (after the last colon) is 0..4294967295';
  }
  const local = BigInt(number);
  const address = parseIpv4(admin);
  if (address !== undefined) {
    if (local > 0xffffn) return 'expected an extended community whose NUMBER is 0..65535 after an IPv4 administrator';
    return build(ExtendedCommunityType.IPV4_ADDRESS, subtype, BigInt(address), 32, local);
  }
  if (!U32.test(admin) || Number(admin) > 0xffffffff) {
    return 'expected an extended community whose ADMIN is an AS number (0..4294967295) or an IPv4 address';
  }
  const asn = BigInt(admin);
  if (asn <= 0xffffn) return build(ExtendedCommunityType.TWO_OCTET_AS, subtype, asn, 16, local);
  if (local > 0xffffn) return 'expected an extended community whose NUMBER is 0..65535 after a four-octet AS (above 65535)';
  return build(ExtendedCommunityType.FOUR_OCTET_AS, subtype, asn, 32, local);
}

/**
 * Text of an extended community: the target/origin form for those layouts, ExaBGP's mac-mobility and
 * encap texts (only where the text reads back to the same octets), else 0x + 16 hex digits.
 */
export function formatExtendedCommunity(value: bigint): string {
  const type = Number((value >> 56n) & 0xffn);
  const subtype = Number((value >> 48n) & 0xffn);
  if (type === 0x06 && subtype === 0x00) {
    // RFC 7432 §7.7: only the sticky flag and a zero reserved octet have a text that reads back.
    const flags = (value >> 40n) & 0xffn;
    if (flags <= 1n && ((value >> 32n) & 0xffn) === 0n) return `mac-mobility:${value & 0xffffffffn}${flags === 1n ? ':sticky' : ''}`;
  }
  if (type === 0x03 && subtype === 0x0c && ((value >> 16n) & 0xffffffffn) === 0n) {
    const name = ENCAPSULATION_NAMES.get(Number(value & 0xffffn));
    if (name !== undefined) return `encap:${name}`;
  }
  const name = NAME_BY_SUBTYPE.get(Number((value >> 48n) & 0xffn));
  if (name !== undefined) {
    if (type === ExtendedCommunityType.TWO_OCTET_AS) {
      return `${name}:${(value >> 32n) & 0xffffn}:${value & 0xffffffffn}`;
    }
    const global = Number((value >> 16n) & 0xffffffffn);
    const local = value & 0xffffn;
    if (type === ExtendedCommunityType.IPV4_ADDRESS) return `${name}:${formatIpv4Number(global)}:${local}`;
    // A four-octet AS that fits in two octets would read back as the two-octet layout: keep it raw.
    if (type === ExtendedCommunityType.FOUR_OCTET_AS && global > 0xffff) return `${name}:${global}:${local}`;
  }
  return `0x${value.toString(16).padStart(16, '0')}`;
}
