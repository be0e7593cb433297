/**
 * FlowSpec traffic filtering actions, carried as extended communities (RFC 4360 8-octet values,
 * held as unsigned 64-bit bigints like lib/wire's EXTENDED_COMMUNITIES):
 *
 *   0x8006 traffic-rate-bytes   AS(2) rate(IEEE float, bytes/s)     RFC 8955 §7.1 (0 = discard)
 *   0x800c traffic-rate-packets AS(2) rate(IEEE float, packets/s)   RFC 8955 §7.1
 *   0x8007 traffic-action       ... S (sample, 0x02) T (terminal, 0x01) in the last octet  RFC 8955 §7.3
 *   0x8008 rt-redirect AS-2byte  AS(2) number(4)                     RFC 8955 §7.4 (RFC 7674)
 *   0x8108 rt-redirect IPv4      address(4) number(2)                RFC 8955 §7.4
 *   0x8208 rt-redirect AS-4byte  AS(4) number(2)                     RFC 8955 §7.4
 *   0x8009 traffic-marking       ... DSCP (6 bits) in the last octet RFC 8955 §7.5
 *   0x0800 redirect to the NLRI's next hop, C (copy) in the last bit  draft-simpson-idr-flowspec-redirect
 *   0x010c redirect to IPv4      address(4) flags(2), C = copy       draft-ietf-idr-flowspec-redirect-ip
 *   0x0702 / 0x4702 interface-set AS(4) direction(2 bits) group(14 bits), transitive / not
 *                                                                    draft-ietf-idr-flowspec-interfaceset
 */
import { formatIpv4Number, parseIpv4 } from '../../wire/address';

export type InterfaceSetDirection = 'input' | 'output' | 'input-output';

export type FlowAction =
  | { readonly kind: 'rate-limit'; readonly asn: number; readonly bytesPerSecond: number }
  | { readonly kind: 'rate-limit-packets'; readonly asn: number; readonly packetsPerSecond: number }
  | { readonly kind: 'action'; readonly sample: boolean; readonly terminal: boolean }
  | { readonly kind: 'redirect'; readonly asn: number; readonly number: number; readonly as4?: boolean }
  | { readonly kind: 'redirect-ipv4'; readonly address: string; readonly number: number }
  | { readonly kind: 'mark'; readonly dscp: number }
  | { readonly kind: 'redirect-to-nexthop'; readonly copy: boolean }
  | { readonly kind: 'redirect-to-ip'; readonly address: string; readonly copy: boolean }
  | { readonly kind: 'interface-set'; readonly transitive: boolean; readonly direction: InterfaceSetDirection | number; readonly asn: number; readonly group: number };

/** Type and sub-type octets of each action community. */
export const FlowActionType = {
  TRAFFIC_RATE_BYTES: 0x8006,
  TRAFFIC_ACTION: 0x8007,
  REDIRECT_AS2: 0x8008,
  TRAFFIC_MARKING: 0x8009,
  TRAFFIC_RATE_PACKETS: 0x800c,
  REDIRECT_IPV4: 0x8108,
  REDIRECT_AS4: 0x8208,
  REDIRECT_TO_NEXTHOP: 0x0800,
  REDIRECT_TO_IP: 0x010c,
  INTERFACE_SET: 0x0702,
  INTERFACE_SET_NON_TRANSITIVE: 0x4702,
} as const;

const DIRECTIONS: readonly InterfaceSetDirection[] = ['input', 'output', 'input-output'];

/** Reused 8 octets: conversions are synchronous. */
const b = Buffer.alloc(8);

function load(value: bigint): number {
  b.writeBigUInt64BE(BigInt.asUintN(64, value));
  return (b[0] << 8) | b[1];
}

function store(type: number): bigint {
  b[0] = type >> 8;
  b[1] = type & 0xff;
  return b.readBigUInt64BE(0);
}

/** The action an extended community stands for, or undefined when it is not a FlowSpec action. */
export function flowActionOf(value: bigint): FlowAction | undefined {
  switch (load(value)) {
    case FlowActionType.TRAFFIC_RATE_BYTES:
      return { kind: 'rate-limit', asn: b.readUInt16BE(2), bytesPerSecond: b.readFloatBE(4) };
    case FlowActionType.TRAFFIC_RATE_PACKETS:
      return { kind: 'rate-limit-packets', asn: b.readUInt16BE(2), packetsPerSecond: b.readFloatBE(4) };
    case FlowActionType.TRAFFIC_ACTION:
      return { kind: 'action', sample: (b[7] & 0x02) !== 0, terminal: (b[7] & 0x01) !== 0 };
    case FlowActionType.REDIRECT_AS2:
      return { kind: 'redirect', asn: b.readUInt16BE(2), number: b.readUInt32BE(4) };
    case FlowActionType.REDIRECT_AS4:
      return { kind: 'redirect', asn: b.readUInt32BE(2), number: b.readUInt16BE(6), as4: true };
    case FlowActionType.REDIRECT_IPV4:
      return { kind: 'redirect-ipv4', address: formatIpv4Number(b.readUInt32BE(2)), number: b.readUInt16BE(6) };
    case FlowActionType.TRAFFIC_MARKING:
      return { kind: 'mark', dscp: b[7] & 0x3f };
    case FlowActionType.REDIRECT_TO_NEXTHOP:
      return { kind: 'redirect-to-nexthop', copy: (b[7] & 0x01) !== 0 };
    case FlowActionType.REDIRECT_TO_IP:
      return { kind: 'redirect-to-ip', address: formatIpv4Number(b.readUInt32BE(2)), copy: (b[7] & 0x01) !== 0 };
    case FlowActionType.INTERFACE_SET:
    case FlowActionType.INTERFACE_SET_NON_TRANSITIVE: {
      const word = b.readUInt16BE(6);
      const direction = word >>> 14;
      return {
        kind: 'interface-set',
        transitive: b[0] === 0x07,
        direction: DIRECTIONS[direction - 1] ?? direction,
        asn: b.readUInt32BE(2),
        group: word & 0x3fff,
      };
    }
    default:
      return undefined;
  }
}

/** The extended community of an action. Throws a plain Error on values that do not fit. */
export function flowActionCommunity(action: FlowAction): bigint {
  b.fill(0);
  switch (action.kind) {
    case 'rate-limit':
    case 'rate-limit-packets': {
      const rate = action.kind === 'rate-limit' ? action.bytesPerSecond : action.packetsPerSecond;
      if (!(rate >= 0) || !Number.isFinite(rate)) throw new Error(`rate ${rate} must be a finite number >= 0`);
      b.writeUInt16BE(checkRange(action.asn, 0xffff, 'rate-limit AS'), 2);
      b.writeFloatBE(rate, 4);
      return store(action.kind === 'rate-limit' ? FlowActionType.TRAFFIC_RATE_BYTES : FlowActionType.TRAFFIC_RATE_PACKETS);
    }
    case 'action':
      b[7] = (action.sample ? 0x02 : 0) | (action.terminal ? 0x01 : 0);
      return store(FlowActionType.TRAFFIC_ACTION);
    case 'redirect':
      if (action.as4 || action.asn > 0xffff) {
        b.writeUInt32BE(checkRange(action.asn, 0xffffffff, 'redirect AS'), 2);
        b.writeUInt16BE(checkRange(action.number, 0xffff, 'redirect number after a 4-octet AS'), 6);
        return store(FlowActionType.REDIRECT_AS4);
      }
      b.writeUInt16BE(checkRange(action.asn, 0xffff, 'redirect AS'), 2);
      b.writeUInt32BE(checkRange(action.number, 0xffffffff, 'redirect number'), 4);
      return store(FlowActionType.REDIRECT_AS2);
    case 'redirect-ipv4':
      b.writeUInt32BE(ipv4(action.address), 2);
      b.writeUInt16BE(checkRange(action.number, 0xffff, 'redirect number after an IPv4 address'), 6);
      return store(FlowActionType.REDIRECT_IPV4);
    case 'mark':
      b[7] = checkRange(action.dscp, 0x3f, 'mark DSCP');
      return store(FlowActionType.TRAFFIC_MARKING);
    case 'redirect-to-nexthop':
      b[7] = action.copy ? 1 : 0;
      return store(FlowActionType.REDIRECT_TO_NEXTHOP);
    case 'redirect-to-ip':
      b.writeUInt32BE(ipv4(action.address), 2);
      b[7] = action.copy ? 1 : 0;
      return store(FlowActionType.REDIRECT_TO_IP);
    case 'interface-set': {
      const direction = typeof action.direction === 'number' ? action.direction : DIRECTIONS.indexOf(action.direction) + 1;
      b.writeUInt32BE(checkRange(action.asn, 0xffffffff, 'interface-set AS'), 2);
      b.writeUInt16BE((checkRange(direction, 3, 'interface-set direction') << 14) | checkRange(action.group, 0x3fff, 'interface-set group'), 6);
      return store(action.transitive ? FlowActionType.INTERFACE_SET : FlowActionType.INTERFACE_SET_NON_TRANSITIVE);
    }
  }
}

function checkRange(value: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${what} ${value} must be 0..${max}`);
  return value;
}

function ipv4(text: string): number {
  const value = parseIpv4(text);
  if (value === undefined) throw new Error(`"${text}" is not an IPv4 address`);
  return value;
}
