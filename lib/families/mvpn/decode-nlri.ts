/**
 * The MVPN NLRI field (RFC 6514 §4: Route Type (1 octet), Length (1 octet), Route Type Specific),
 * each NLRI after its RFC 7911 Path Identifier under ADD-PATH.
 *
 * A route type rxbgp does not know is never an error: RFC 7606 §5.4 has a speaker discard a typed
 * NLRI of an unrecognised type, not the session, and the Length octet lets it be stepped over; rxbgp
 * keeps it as its octets (ExaBGP's GenericMVPN). A known type whose Length or inner lengths do not fit
 * its layout is malformed: the field is still walked to its end by the Length octets, the well-formed
 * NLRI are returned with the first `error`, which the descriptor reports as the run's `malformed`,
 * and the UPDATE decoder treats the UPDATE as withdraw (RFC 7606 §2) rather than resetting the session.
 */
import { formatIp } from '../../wire/address';
import { decodeRouteDistinguisher } from '../route-distinguisher';
import { decodeTypedNlri, type TypedNlriRun } from '../typed-nlri';
import { WILDCARD, type MvpnRoute } from './types';

export type MvpnRun = TypedNlriRun<MvpnRoute>;

const u32 = (buf: Buffer, at: number): number => ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;

/** An originator address of `octets` (4 or 16) at `at`, or undefined for another length. */
function originatorOf(buf: Buffer, at: number, octets: number): string | undefined {
  return octets === 4 || octets === 16 ? formatIp(buf.subarray(at, at + octets)) : undefined;
}

/**
 * A multicast source or group at `at` (its length octet in bits, then the address: 0 is RFC 6625's
 * wildcard), with where it ends, or why not.
 */
function multicastAt(buf: Buffer, at: number, end: number, what: string): { value: string; next: number } | string {
  if (at >= end) return `no ${what} length`;
  const bits = buf[at];
  if (bits !== 0 && bits !== 32 && bits !== 128) return `${what} length of ${bits} bits (0, 32 or 128)`;
  const next = at + 1 + bits / 8;
  if (next > end) return `${what} of ${bits} bits runs past the route`;
  return { value: bits === 0 ? WILDCARD : formatIp(buf.subarray(at + 1, next)), next };
}

/** Source then group (RFC 6514 §4.3, §4.5, §4.6), which must end the route exactly. */
function sourceGroup(buf: Buffer, at: number, end: number, name: string): { source: string; group: string; next: number } | string {
  const source = multicastAt(buf, at, end, 'multicast source');
  if (typeof source === 'string') return `${name} with a ${source}`;
  const group = multicastAt(buf, source.next, end, 'multicast group');
  if (typeof group === 'string') return `${name} with a ${group}`;
  return { source: source.value, group: group.value, next: group.next };
}

/** The route in buf[at, at + length) of `type`, or why it is malformed. */
export function decodeMvpnRoute(type: number, buf: Buffer, at: number, length: number): MvpnRoute | string {
  const end = at + length;
  switch (type) {
    case 1: {
      // RFC 6514 §4.1: RD(8) Originating Router's IP(4/16)
      const originator = originatorOf(buf, at + 8, length - 8);
      if (originator === undefined) return `Intra-AS I-PMSI A-D route of ${length} octets (12 or 24)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), originator };
    }
    case 2:
      // RFC 6514 §4.2: RD(8) Source AS(4)
      if (length !== 12) return `Inter-AS I-PMSI A-D route of ${length} octets (expected 12)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), sourceAs: u32(buf, at + 8) };
    case 3: {
      // RFC 6514 §4.3: RD(8) Source Length(1) Source Group Length(1) Group Originating Router's IP(4/16)
      if (length < 10) return `S-PMSI A-D route of ${length} octets (at least 10)`;
      const sg = sourceGroup(buf, at + 8, end, 'S-PMSI A-D route');
      if (typeof sg === 'string') return sg;
      const originator = originatorOf(buf, sg.next, end - sg.next);
      if (originator === undefined) return `S-PMSI A-D route with an originating router's address of ${end - sg.next} octets (4 or 16)`;
      return { type, rd: decodeRouteDistinguisher(buf, at), source: sg.source, group: sg.group, originator };
    }
    case 4: {
      // RFC 6514 §4.4: Route Key (the NLRI of the route answered: type, length, value) Originating Router's IP(4/16)
      if (length < 2) return `Leaf A-D route of ${length} octets (at least 6)`;
      const keyEnd = at + 2 + buf[at + 1];
      const originator = keyEnd <= end ? originatorOf(buf, keyEnd, end - keyEnd) : undefined;
      if (originator === undefined) return `Leaf A-D route of ${length} octets with a route key of ${2 + buf[at + 1]} (the originating router's address must take 4 or 16 after it)`;
      return { type, routeKey: buf.toString('hex', at, keyEnd), originator };
    }
    case 5: {
      // RFC 6514 §4.5: RD(8) Source Length(1) Source Group Length(1) Group
      if (length < 10) return `Source Active A-D route of ${length} octets (at least 10)`;
      const sg = sourceGroup(buf, at + 8, end, 'Source Active A-D route');
      if (typeof sg === 'string') return sg;
      if (sg.next !== end) return `Source Active A-D route of ${length} octets with ${end - sg.next} after its group`;
      return { type, rd: decodeRouteDistinguisher(buf, at), source: sg.source, group: sg.group };
    }
    case 6:
    case 7: {
      // RFC 6514 §4.6: RD(8) Source AS(4) Source Length(1) Source Group Length(1) Group
      const name = type === 6 ? 'Shared Tree Join route' : 'Source Tree Join route';
      if (length < 14) return `${name} of ${length} octets (at least 14)`;
      const sg = sourceGroup(buf, at + 12, end, name);
      if (typeof sg === 'string') return sg;
      if (sg.next !== end) return `${name} of ${length} octets with ${end - sg.next} after its group`;
      return { type, rd: decodeRouteDistinguisher(buf, at), sourceAs: u32(buf, at + 8), source: sg.source, group: sg.group };
    }
    default:
      return { type, raw: buf.toString('hex', at, end) };
  }
}

export function decodeMvpnNlri(buf: Buffer, start: number, end: number, addPath: boolean): MvpnRun {
  return decodeTypedNlri(buf, start, end, addPath, decodeMvpnRoute);
}
