/**
 * Builds BGP messages byte by byte for JSON fixtures, computing every length field, so a case
 * can hold anything the wire can (malformed attributes included) and still be read.
 */
import { parseIp } from '../../../../lib/wire/address';
import { MessageType } from '../../../../lib/wire/iana';

export function u8(n: number): Buffer {
  return Buffer.from([n & 0xff]);
}

export function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function ip(text: string): Buffer {
  const bytes = parseIp(text);
  if (!bytes) throw new Error(`not an address: ${text}`);
  return bytes;
}

/** NLRI encoding of "a.b.c.d/len" or "x::/len" (RFC 4271 §4.3): length octet, then the significant octets. */
export function prefix(text: string, pathId?: number): Buffer {
  const [address, length] = text.split('/');
  const bits = Number(length);
  const head = pathId === undefined ? [] : [u32(pathId)];
  return Buffer.concat([...head, u8(bits), ip(address).subarray(0, Math.ceil(bits / 8))]);
}

export function prefixes(...texts: string[]): Buffer {
  return Buffer.concat(texts.map((t) => prefix(t)));
}

/** One path attribute TLV; the Extended Length bit is set when asked or when the value needs it. */
export function attr(flags: number, type: number, value: Buffer | string): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value.replace(/\s/g, ''), 'hex') : value;
  const extended = (flags & 0x10) !== 0 || v.length > 255;
  return Buffer.concat([u8(extended ? flags | 0x10 : flags), u8(type), extended ? u16(v.length) : u8(v.length), v]);
}

export const origin = (value: number): Buffer => attr(0x40, 1, u8(value));

/** AS_PATH (or AS4_PATH with type 17) from [segment type, ASNs] pairs. */
export function asPath(segments: Array<[number, number[]]>, asn4 = true, type = 2, flags = 0x40): Buffer {
  const parts = segments.map(([t, asns]) => Buffer.concat([u8(t), u8(asns.length), ...asns.map((a) => (asn4 ? u32(a) : u16(a)))]));
  return attr(flags, type, Buffer.concat(parts));
}

export const nextHop = (address: string): Buffer => attr(0x40, 3, ip(address));

/** MP_REACH_NLRI (RFC 4760 §3) with one or two next hops. */
export function mpReach(afi: number, safi: number, nextHops: string[], nlri: Buffer): Buffer {
  const hops = Buffer.concat(nextHops.map(ip));
  return attr(0x80, 14, Buffer.concat([u16(afi), u8(safi), u8(hops.length), hops, u8(0), nlri]));
}

/** MP_UNREACH_NLRI (RFC 4760 §4); with no NLRI it is an End-of-RIB (RFC 4724 §2). */
export function mpUnreach(afi: number, safi: number, nlri: Buffer = Buffer.alloc(0)): Buffer {
  return attr(0x80, 15, Buffer.concat([u16(afi), u8(safi), nlri]));
}

function message(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.alloc(16, 0xff), u16(19 + body.length), u8(type), body]);
}

export function update(parts: { withdrawn?: Buffer; attributes?: Buffer[]; nlri?: Buffer }): Buffer {
  const withdrawn = parts.withdrawn ?? Buffer.alloc(0);
  const attributes = Buffer.concat(parts.attributes ?? []);
  return message(
    MessageType.UPDATE,
    Buffer.concat([u16(withdrawn.length), withdrawn, u16(attributes.length), attributes, parts.nlri ?? Buffer.alloc(0)]),
  );
}

/** A capability TLV (RFC 5492 §4). */
export function capability(code: number, value: Buffer | string = Buffer.alloc(0)): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value.replace(/\s/g, ''), 'hex') : value;
  return Buffer.concat([u8(code), u8(v.length), v]);
}

/** OPEN (RFC 4271 §4.2) with each capability in its own Capabilities parameter, as most speakers send it. */
export function open(myAs: number, holdTime: number, bgpId: string, capabilities: Buffer[]): Buffer {
  const params = Buffer.concat(capabilities.map((c) => Buffer.concat([u8(2), u8(c.length), c])));
  return message(MessageType.OPEN, Buffer.concat([u8(4), u16(myAs), u16(holdTime), ip(bgpId), u8(params.length), params]));
}

export function notification(code: number, subcode: number, data: Buffer | string = Buffer.alloc(0)): Buffer {
  const d = typeof data === 'string' ? Buffer.from(data) : data;
  return message(MessageType.NOTIFICATION, Buffer.concat([u8(code), u8(subcode), d]));
}

export function keepalive(): Buffer {
  return message(MessageType.KEEPALIVE, Buffer.alloc(0));
}

export function routeRefresh(afi: number, safi: number, subtype = 0): Buffer {
  return message(MessageType.ROUTE_REFRESH, Buffer.concat([u16(afi), u8(subtype), u8(safi)]));
}
