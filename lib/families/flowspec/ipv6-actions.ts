/**
 * FlowSpec actions that carry an IPv6 address, in IPv6 Address Specific Extended Communities
 * (RFC 5701: attribute 25, 20-octet values: type, sub-type, IPv6 global administrator, 2-octet
 * local administrator), held as unsigned 160-bit bigints:
 *
 *   0x000d rt-redirect-ipv6: redirect to the VRF importing route target [address]:number  RFC 8956 §6.1
 *   0x800b the same as GoBGP and pre-RFC drafts of RFC 8956 encode it (read, and written on request)
 *   0x000c redirect (C = copy) to an IPv6 next hop    draft-ietf-idr-flowspec-redirect-ip (ExaBGP's
 *          "redirect-to-nexthop-ietf" with an IPv6 address)
 *
 * lib/wire has no IPV6_EXTENDED_COMMUNITIES attribute codec yet; these are its values.
 */
import { formatIpv6, parseIpv6 } from '../../wire/address';

export type FlowIpv6Action =
  | { readonly kind: 'redirect-ipv6'; readonly address: string; readonly number: number; readonly legacy?: boolean }
  | { readonly kind: 'redirect-to-ip'; readonly address: string; readonly copy: boolean };

export const FlowIpv6ActionType = {
  REDIRECT_IPV6: 0x000d,
  REDIRECT_IPV6_LEGACY: 0x800b,
  REDIRECT_TO_IP: 0x000c,
} as const;

/** Octets of an IPv6 address specific extended community. */
export const IPV6_EXTENDED_COMMUNITY_LENGTH = 20;

const b = Buffer.alloc(IPV6_EXTENDED_COMMUNITY_LENGTH);

function load(value: bigint): number {
  const v = BigInt.asUintN(160, value);
  b.writeBigUInt64BE(v >> 96n, 0);
  b.writeBigUInt64BE((v >> 32n) & 0xffffffffffffffffn, 8);
  b.writeUInt32BE(Number(v & 0xffffffffn), 16);
  return (b[0] << 8) | b[1];
}

/** The 20 octets of `value` (a copy). */
export function ipv6ExtendedCommunityBytes(value: bigint): Buffer {
  load(value);
  return Buffer.from(b);
}

/** The 20 octets at buf[at, at + 20) as a bigint (the caller has checked the length). */
export function ipv6ExtendedCommunityAt(buf: Buffer, at: number): bigint {
  return (buf.readBigUInt64BE(at) << 96n) | (buf.readBigUInt64BE(at + 8) << 32n) | BigInt(buf.readUInt32BE(at + 16));
}

export function flowIpv6ActionOf(value: bigint): FlowIpv6Action | undefined {
  const type = load(value);
  switch (type) {
    case FlowIpv6ActionType.REDIRECT_IPV6:
    case FlowIpv6ActionType.REDIRECT_IPV6_LEGACY: {
      const action = { kind: 'redirect-ipv6' as const, address: formatIpv6(b, 2), number: b.readUInt16BE(18) };
      return type === FlowIpv6ActionType.REDIRECT_IPV6 ? action : { ...action, legacy: true };
    }
    case FlowIpv6ActionType.REDIRECT_TO_IP:
      return { kind: 'redirect-to-ip', address: formatIpv6(b, 2), copy: (b[19] & 0x01) !== 0 };
    default:
      return undefined;
  }
}

export function flowIpv6ActionCommunity(action: FlowIpv6Action): bigint {
  const address = parseIpv6(action.address);
  if (!address) throw new Error(`"${action.address}" is not an IPv6 address`);
  b.fill(0);
  address.copy(b, 2);
  let type: number;
  if (action.kind === 'redirect-ipv6') {
    if (!Number.isInteger(action.number) || action.number < 0 || action.number > 0xffff) throw new Error(`redirect number ${action.number} must be 0..65535`);
    type = action.legacy ? FlowIpv6ActionType.REDIRECT_IPV6_LEGACY : FlowIpv6ActionType.REDIRECT_IPV6;
    b.writeUInt16BE(action.number, 18);
  } else {
    type = FlowIpv6ActionType.REDIRECT_TO_IP;
    b[19] = action.copy ? 1 : 0;
  }
  b[0] = type >> 8;
  b[1] = type & 0xff;
  return ipv6ExtendedCommunityAt(b, 0);
}
