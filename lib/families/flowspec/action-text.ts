/**
 * FlowSpec action communities in ExaBGP's text (the "string" of its extended-community JSON,
 * bgp/message/update/attribute/community/extended/traffic.py and flowspec_scope.py).
 *
 * Where ExaBGP 4.2 has no text or fails, this gives the RFC meaning in ExaBGP's style:
 *   0x800c  ExaBGP 4.2 "" (no class)                  -> "rate-limit:N:packets" (as ExaBGP 5)
 *   0x8108  ExaBGP 4.2 "" (no class)                  -> "redirect:192.0.2.1:N"
 *   0x8208  ExaBGP 4.2 fails (its JSON recurses)      -> "redirect:4200000000:N"
 *   0x0702  ExaBGP 4.2 keeps 13 of the 14 group bits  -> all 14
 *   IPv6 0x000d / 0x800b  ExaBGP 4.2 fails to decode  -> "redirect:[2001:db8::1]:N"
 */
import { formatIpv6 } from '../../wire/address';
import { FlowActionType, flowActionOf } from './actions';
import { FlowIpv6ActionType, ipv6ExtendedCommunityBytes } from './ipv6-actions';

const b = Buffer.alloc(8);

/** Python's "%d" % float: truncation toward zero, printed in full. */
function pythonInt(value: number): string {
  return Number.isFinite(value) ? BigInt(Math.trunc(value)).toString() : String(value);
}

/** ExaBGP's text of a FlowSpec action extended community, or undefined when it is not one. */
export function flowExtendedCommunityText(value: bigint): string | undefined {
  const action = flowActionOf(value);
  if (!action) return undefined;
  b.writeBigUInt64BE(BigInt.asUintN(64, value));
  switch (action.kind) {
    case 'rate-limit':
      return `rate-limit:${pythonInt(action.bytesPerSecond)}`;
    case 'rate-limit-packets':
      return `rate-limit:${pythonInt(action.packetsPerSecond)}:packets`;
    case 'action': {
      const words: string[] = [];
      if (action.sample) words.push('sample');
      if (action.terminal) words.push('terminal');
      return `action ${words.join('-')}`;
    }
    case 'redirect':
      return `redirect:${action.asn}:${action.number}`;
    case 'redirect-ipv4':
      return `redirect:${action.address}:${action.number}`;
    case 'mark':
      // ExaBGP prints the whole last octet, reserved bits included.
      return `mark ${b[7]}`;
    case 'redirect-to-nexthop':
      return action.copy ? 'copy-to-nexthop' : 'redirect-to-nexthop';
    case 'redirect-to-ip':
      return action.copy ? `copy-to-nexthop-ietf ${action.address} (with copy)` : `redirect-to-nexthop-ietf ${action.address}`;
    case 'interface-set':
      return `interface-set:${action.direction}:${action.asn}:${action.group}`;
  }
}

/** The type and sub-type octets of an extended community (0x8006, ...). */
export function extendedCommunityType(value: bigint): number {
  return Number((BigInt.asUintN(64, value) >> 48n) & 0xffffn);
}

/** True for the extended communities RFC 8955 §7 and its companions define as FlowSpec actions. */
export function isFlowActionCommunity(value: bigint): boolean {
  return (Object.values(FlowActionType) as number[]).includes(extendedCommunityType(value));
}

/** ExaBGP's text of a FlowSpec IPv6 address specific extended community, or undefined. */
export function flowIpv6ExtendedCommunityText(value: bigint): string | undefined {
  const bytes = ipv6ExtendedCommunityBytes(value);
  const type = (bytes[0] << 8) | bytes[1];
  const address = formatIpv6(bytes, 2);
  switch (type) {
    case FlowIpv6ActionType.REDIRECT_IPV6:
    case FlowIpv6ActionType.REDIRECT_IPV6_LEGACY:
      return `redirect:[${address}]:${bytes.readUInt16BE(18)}`;
    case FlowIpv6ActionType.REDIRECT_TO_IP:
      return bytes[19] & 0x01 ? `copy-to-nexthop-ietf ${address} (with copy)` : `redirect-to-nexthop-ietf ${address}`;
    default:
      return undefined;
  }
}

