/**
 * Route Distinguisher (RFC 4364 §4.2): the 8 octets in front of a VPN NLRI (L3VPN prefixes,
 * RFC 4364 §4.3.4 / RFC 4659; flow-vpn rules, RFC 8955 §8), shared by every family that has one. Text as ExaBGP writes and reads it: "65000:7" (type 0), "192.0.2.1:7" (type 1),
 * "4200000000:7" (type 2); other types, and a type 2 RD whose AS fits 2 octets (ExaBGP prints it
 * as the type 0 one), as 0x and the 16 hex digits, upper case.
 */
import { formatIpv4Number } from '../../wire/address';
import type { Writer } from '../../wire/writer';

/**
 * Route Distinguisher, RFC 4364 §4.2: type 0 = 2-octet `admin` (AS) and 4-octet `assigned`;
 * type 1 = IPv4 `admin` (as a uint32) and 2-octet `assigned`; type 2 = 4-octet AS and 2-octet
 * `assigned`. Other types keep octets 2-5 in `admin` and 6-7 in `assigned`.
 */
export interface RouteDistinguisher {
  readonly type: number;
  readonly admin: number;
  readonly assigned: number;
}

export const RD_LENGTH = 8;

function u32(buf: Buffer, at: number): number {
  return ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
}

/** The RD in buf[at, at + 8) (the caller has checked the length). */
export function decodeRouteDistinguisher(buf: Buffer, at: number): RouteDistinguisher {
  const type = (buf[at] << 8) | buf[at + 1];
  if (type === 0) return { type, admin: (buf[at + 2] << 8) | buf[at + 3], assigned: u32(buf, at + 4) };
  return { type, admin: u32(buf, at + 2), assigned: (buf[at + 6] << 8) | buf[at + 7] };
}

export function encodeRouteDistinguisher(w: Writer, rd: RouteDistinguisher): void {
  w.u16(rd.type);
  if (rd.type === 0) w.u16(rd.admin).u32(rd.assigned);
  else w.u32(rd.admin).u16(rd.assigned);
}

/** ExaBGP's text of an RD (nlri/qualifier/rd.py `_str`). */
export function formatRouteDistinguisher(rd: RouteDistinguisher): string {
  switch (rd.type) {
    case 0:
      return `${rd.admin}:${rd.assigned}`;
    case 2:
      // A 4-octet AS below 65536 would print as the type 0 RD "100:7" (as ExaBGP prints it), which
      // is another route: rules that differ only so would be one RIB entry. The hex form below
      // names the type and reads back.
      if (rd.admin > 0xffff) return `${rd.admin}:${rd.assigned}`;
      break;
    case 1:
      return `${formatIpv4Number(rd.admin)}:${rd.assigned}`;
  }
  const hex = (n: number, digits: number): string => n.toString(16).toUpperCase().padStart(digits, '0');
  return `0x${hex(rd.type, 4)}${hex(rd.admin, 8)}${hex(rd.assigned, 4)}`;
}

const DECIMAL = /^\d{1,10}$/;
const HEX = /^0x[0-9a-f]{16}$/i;
const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses "ADMIN:NUMBER" as ExaBGP's route_distinguisher() does: an IPv4 administrator is type 1;
 * an AS and a number that fit 2 + 4 octets are type 0, else 4 + 2 octets type 2. Also reads back
 * the "0x" + 16 hex digits that formatRouteDistinguisher writes for other types, so a received
 * rule's text (a RIB's listing, a log line) parses to the same rule. Returns why not as a string.
 */
export function parseRouteDistinguisher(text: string): RouteDistinguisher | string {
  if (HEX.test(text)) return decodeRouteDistinguisher(Buffer.from(text.slice(2), 'hex'), 0);
  const colon = text.lastIndexOf(':');
  const admin = colon > 0 ? text.slice(0, colon) : '';
  const number = colon > 0 ? text.slice(colon + 1) : '';
  if (!DECIMAL.test(number)) return 'expected a route distinguisher ADMIN:NUMBER (65000:7, 192.0.2.1:7 or 4200000000:7)';
  const assigned = Number(number);
  const dotted = DOTTED.exec(admin);
  if (dotted) {
    const octets = dotted.slice(1).map(Number);
    if (octets.some((o) => o > 255)) return `"${admin}" is not an IPv4 address`;
    if (assigned > 0xffff) return 'the NUMBER of an IPv4 route distinguisher must be 0..65535';
    return { type: 1, admin: ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0, assigned };
  }
  if (!DECIMAL.test(admin) || Number(admin) > 0xffffffff) return 'the ADMIN of a route distinguisher must be an AS number (0..4294967295) or an IPv4 address';
  const asn = Number(admin);
  if (asn <= 0xffff && assigned <= 0xffffffff) return { type: 0, admin: asn, assigned };
  if (assigned > 0xffff) return 'a route distinguisher with a 4-octet AS takes a NUMBER of 0..65535';
  return { type: 2, admin: asn, assigned };
}
