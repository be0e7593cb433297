/**
 * RFC 4360 extended communities as text, as the 8 octets in one unsigned 64-bit bigint
 * (type, subtype, 6 value octets). Route target (subtype 0x02) and route origin (0x03) in the
 * three transitive layouts, picked from the global administrator:
 *   "target:65001:7"       two-octet AS specific, type 0x00: AS(2) local(4)      RFC 4360 §3.1
 *   "target:192.0.2.1:7"   IPv4 address specific, type 0x01: address(4) local(2)  RFC 4360 §3.2
 *   "target:4200000000:7"  four-octet AS specific, type 0x02: AS(4) local(2)      RFC 5668 §2
 * (an AS above 65535 needs the four-octet layout), and any value as "0x" + 16 hex digits.
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

/** The 8 octets as a bigint, or what was expected ("expected ..."). */
export function parseExtendedCommunity(text: string): bigint | string {
  if (RAW.test(text)) return BigInt(text);
  const parts = text.split(':');
  const subtype = parts.length === 3 ? SUBTYPE_BY_NAME.get(parts[0].toLowerCase()) : undefined;
  if (subtype === undefined) {
    return 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER or 0x and 16 hex digits';
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

/** Text of an extended community: the target/origin form for those layouts, else 0x + 16 hex digits. */
export function formatExtendedCommunity(value: bigint): string {
  const type = Number((value >> 56n) & 0xffn);
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
