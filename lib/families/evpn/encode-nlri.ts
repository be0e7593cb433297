/**
 * One EVPN NLRI onto a writer (RFC 7432 §7: Route Type, Length, Route Type Specific; RFC 9136 §3.1
 * for type 5), the exact octets decodeEvpnNlri read: lengths, labels and addresses as held.
 */
import { parseIp } from '../../wire/address';
import type { Writer } from '../../wire/writer';
import { encodeRouteDistinguisher } from '../route-distinguisher';
import type { EvpnRoute } from './types';

function ipBytes(text: string): Buffer {
  const bytes = parseIp(text);
  if (!bytes) throw new Error(`EVPN: "${text}" is not an IP address`);
  return bytes;
}

function hexBytes(w: Writer, hex: string, octets: number, what: string): void {
  if (hex.length !== octets * 2) throw new Error(`EVPN: ${what} must be ${octets} octets`);
  w.bytes(Buffer.from(hex, 'hex'));
}

const u24 = (w: Writer, v: number): Writer => w.u8((v >>> 16) & 0xff).u16(v & 0xffff);

export function encodeEvpnRoute(w: Writer, route: EvpnRoute): void {
  w.u8(route.type);
  const lengthAt = w.reserve(1);
  const bodyAt = w.pos;
  if ('raw' in route) {
    w.bytes(Buffer.from(route.raw, 'hex'));
  } else {
    encodeRouteDistinguisher(w, route.rd);
    switch (route.type) {
      case 1:
        hexBytes(w, route.esi, 10, 'an ESI');
        w.u32(route.etag);
        u24(w, route.label);
        break;
      case 2: {
        hexBytes(w, route.esi, 10, 'an ESI');
        w.u32(route.etag).u8(route.macLength);
        hexBytes(w, route.mac, 6, 'a MAC address');
        const ip = route.ip === undefined ? undefined : ipBytes(route.ip);
        w.u8(ip ? ip.length * 8 : 0);
        if (ip) w.bytes(ip);
        for (const label of route.labels) u24(w, label);
        break;
      }
      case 3: {
        const ip = ipBytes(route.ip);
        w.u32(route.etag).u8(ip.length * 8).bytes(ip);
        break;
      }
      case 4: {
        hexBytes(w, route.esi, 10, 'an ESI');
        const ip = ipBytes(route.ip);
        w.u8(ip.length * 8).bytes(ip);
        break;
      }
      case 5: {
        hexBytes(w, route.esi, 10, 'an ESI');
        const ip = ipBytes(route.ip);
        const gateway = ipBytes(route.gateway);
        if (gateway.length !== ip.length) throw new Error('EVPN: an IP Prefix route\'s gateway must be of its prefix\'s address family (RFC 9136 §3.1)');
        w.u32(route.etag).u8(route.length).bytes(ip).bytes(gateway);
        u24(w, route.label);
        break;
      }
    }
  }
  const length = w.pos - bodyAt;
  if (length > 255) throw new Error(`EVPN: a route of ${length} octets does not fit its Length octet`);
  w.patch(lengthAt, 1, length);
}
