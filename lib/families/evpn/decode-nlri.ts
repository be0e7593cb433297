/**
 * The EVPN NLRI field (RFC 7432 §7: Route Type (1 octet), Length (1 octet), Route Type Specific),
 * each NLRI after its RFC 7911 Path Identifier under ADD-PATH.
 *
 * A route type rxbgp does not know is never an error: RFC 7606 §5.4 (typed NLRI, EVPN named) has a
 * speaker handle an unrecognised type by discarding the route, not the session, and RFC 7432 §7's
 * Length octet lets it be stepped over. rxbgp, a tool that reports what peers send, keeps it as its
 * octets and shows it as ExaBGP does (GenericEVPN: { "code", "parsed": false, "raw" }).
 * A known type whose Length or inner lengths do not fit its layout is malformed. The Length octets
 * still delimit every NLRI of the field, so the field is walked to its end, the well-formed NLRI
 * are returned with the first `error`, which the descriptor reports as the run's `malformed`, and the
 * UPDATE decoder treats the UPDATE as withdraw (RFC 7606 §2) rather than resetting the session; an
 * NLRI running past the end of the field stops the walk the same way.
 */
import { formatIp } from '../../wire/address';
import { decodeRouteDistinguisher } from '../route-distinguisher';
import { decodeTypedNlri, type TypedNlriRun } from '../typed-nlri';
import type { EvpnRoute } from './types';

export type EvpnRun = TypedNlriRun<EvpnRoute>;

const u32 = (buf: Buffer, at: number): number => ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
const u24 = (buf: Buffer, at: number): number => (buf[at] << 16) | (buf[at + 1] << 8) | buf[at + 2];
const hex = (buf: Buffer, from: number, to: number): string => buf.toString('hex', from, to);

/** An IP of `bits` (32 or 128) at `at`, or undefined for another length. */
function ipOf(buf: Buffer, at: number, bits: number): string | undefined {
  if (bits === 32) return formatIp(buf.subarray(at, at + 4));
  if (bits === 128) return formatIp(buf.subarray(at, at + 16));
  return undefined;
}

/** The route in buf[at, at + length) of `type`, or why it is malformed. */
export function decodeEvpnRoute(type: number, buf: Buffer, at: number, length: number): EvpnRoute | string {
  const end = at + length;
  switch (type) {
    case 1: // RFC 7432 §7.1: RD(8) ESI(10) Ethernet Tag(4) MPLS Label(3)
      if (length !== 25) return `Ethernet Auto-Discovery route of ${length} octets (expected 25)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), esi: hex(buf, at + 8, at + 18), etag: u32(buf, at + 18), label: u24(buf, at + 22) };
    case 2: {
      // RFC 7432 §7.2: RD(8) ESI(10) Ethernet Tag(4) MAC Length(1) MAC(6) IP Length(1) IP(0/4/16) Label1(3) [Label2(3)]
      if (length < 33) return `MAC/IP Advertisement route of ${length} octets (at least 33)`;
      const macLength = buf[at + 22];
      if (macLength > 48) return `MAC/IP Advertisement route with a MAC length of ${macLength} bits (at most 48)`;
      const ipBits = buf[at + 29];
      if (ipBits !== 0 && ipBits !== 32 && ipBits !== 128) return `MAC/IP Advertisement route with an IP length of ${ipBits} bits (0, 32 or 128)`;
      const labelsAt = at + 30 + ipBits / 8;
      const labelBytes = end - labelsAt;
      if (labelBytes !== 3 && labelBytes !== 6) return `MAC/IP Advertisement route of ${length} octets with an IP of ${ipBits} bits (expected ${33 + ipBits / 8} or ${36 + ipBits / 8})`;
      const labels = labelBytes === 3 ? [u24(buf, labelsAt)] : [u24(buf, labelsAt), u24(buf, labelsAt + 3)];
      const ip = ipOf(buf, at + 30, ipBits);
      const base = { type, rd: decodeRouteDistinguisher(buf, at), esi: hex(buf, at + 8, at + 18), etag: u32(buf, at + 18), macLength, mac: hex(buf, at + 23, at + 29) } as const;
      return ip === undefined ? { ...base, labels } : { ...base, ip, labels };
    }
    case 3: {
      // RFC 7432 §7.3: RD(8) Ethernet Tag(4) IP Length(1) Originating Router's IP(4/16)
      if (length < 13) return `Inclusive Multicast route of ${length} octets (17 or 29)`;
      const bits = buf[at + 12];
      const ip = ipOf(buf, at + 13, bits);
      if (ip === undefined || length !== 13 + bits / 8) return `Inclusive Multicast route of ${length} octets with an IP length of ${bits} bits (17 with 32, 29 with 128)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), etag: u32(buf, at + 8), ip };
    }
    case 4: {
      // RFC 7432 §7.4: RD(8) ESI(10) IP Length(1) Originating Router's IP(4/16)
      if (length < 19) return `Ethernet Segment route of ${length} octets (23 or 35)`;
      const bits = buf[at + 18];
      const ip = ipOf(buf, at + 19, bits);
      if (ip === undefined || length !== 19 + bits / 8) return `Ethernet Segment route of ${length} octets with an IP length of ${bits} bits (23 with 32, 35 with 128)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), esi: hex(buf, at + 8, at + 18), ip };
    }
    case 5: {
      // RFC 9136 §3.1: RD(8) ESI(10) Ethernet Tag(4) IP Prefix Length(1) IP Prefix(4/16) GW IP(4/16) MPLS Label(3);
      // the NLRI length (34 or 58) says IPv4 or IPv6.
      const bytes = length === 34 ? 4 : length === 58 ? 16 : 0;
      if (bytes === 0) return `IP Prefix route of ${length} octets (34 for IPv4, 58 for IPv6)`;
      const prefixLength = buf[at + 22];
      if (prefixLength > bytes * 8) return `IP Prefix route with a prefix length of ${prefixLength} for an ${bytes === 4 ? 'IPv4' : 'IPv6'} prefix`;
      return {
        type,
        rd: decodeRouteDistinguisher(buf, at),
        esi: hex(buf, at + 8, at + 18),
        etag: u32(buf, at + 18),
        ip: ipOf(buf, at + 23, bytes * 8)!,
        length: prefixLength,
        gateway: ipOf(buf, at + 23 + bytes, bytes * 8)!,
        label: u24(buf, at + 23 + 2 * bytes),
      };
    }
    default:
      return { type, raw: hex(buf, at, end) };
  }
}

export function decodeEvpnNlri(buf: Buffer, start: number, end: number, addPath: boolean): EvpnRun {
  return decodeTypedNlri(buf, start, end, addPath, decodeEvpnRoute);
}
