/**
 * One MVPN NLRI onto a writer (RFC 6514 §4: Route Type, Length, Route Type Specific), the exact
 * octets decodeMvpnNlri read. Address lengths come from the addresses (RFC 6625: "*" is length 0).
 */
import { parseIp } from '../../wire/address';
import type { Writer } from '../../wire/writer';
import { encodeRouteDistinguisher } from '../route-distinguisher';
import { WILDCARD, type MvpnRoute } from './types';

function ipBytes(text: string): Buffer {
  const bytes = parseIp(text);
  if (!bytes) throw new Error(`MVPN: "${text}" is not an IP address`);
  return bytes;
}

/** A multicast source or group: its length in bits, then the address. */
function multicast(w: Writer, text: string): void {
  if (text === WILDCARD) {
    w.u8(0);
    return;
  }
  const bytes = ipBytes(text);
  w.u8(bytes.length * 8).bytes(bytes);
}

export function encodeMvpnRoute(w: Writer, route: MvpnRoute): void {
  w.u8(route.type);
  const lengthAt = w.reserve(1);
  const bodyAt = w.pos;
  if ('raw' in route) {
    w.bytes(Buffer.from(route.raw, 'hex'));
  } else if (route.type === 4) {
    w.bytes(Buffer.from(route.routeKey, 'hex')).bytes(ipBytes(route.originator));
  } else {
    encodeRouteDistinguisher(w, route.rd);
    switch (route.type) {
      case 1:
        w.bytes(ipBytes(route.originator));
        break;
      case 2:
        w.u32(route.sourceAs);
        break;
      case 3:
        multicast(w, route.source);
        multicast(w, route.group);
        w.bytes(ipBytes(route.originator));
        break;
      case 5:
        multicast(w, route.source);
        multicast(w, route.group);
        break;
      case 6:
      case 7:
        w.u32(route.sourceAs);
        multicast(w, route.source);
        multicast(w, route.group);
        break;
    }
  }
  const length = w.pos - bodyAt;
  if (length > 255) throw new Error(`MVPN: a route of ${length} octets does not fit its Length octet`);
  w.patch(lengthAt, 1, length);
}
