/** Shared by the MRT sink specs: real (never started) neighbors, session events and a BGP4MP reader. */
import fs from 'fs';
import type { Negotiated, PeerSettings } from '../../lib/fsm/types';
import { Neighbor } from '../../lib/neighbor/neighbor';
import type { SessionEvent } from '../../lib/events/events';
import { silentLog } from '../../lib/session/log';
import type { SinkEvent } from '../../lib/sinks/sink';
import { formatIp } from '../../lib/wire/address';
import { Afi, AsPathSegmentType, Origin, Safi } from '../../lib/wire/iana';
import { encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type CodecContext, type Message, type OpenMessage, type UpdateMessage } from '../../lib/wire/types';

const SETTINGS: PeerSettings = {
  localAs: 65001,
  peerAs: 65002,
  routerId: '192.0.2.2',
  holdTime: 90,
  connectRetryTime: 5,
  passive: true,
  delayOpenTime: 0,
  families: [
    { afi: Afi.IPV4, safi: Safi.UNICAST },
    { afi: Afi.IPV6, safi: Safi.UNICAST },
  ],
  routeRefresh: true,
  extendedMessage: true,
};

/** Neighbors made by `neighbor()`, stopped by `stopNeighbors()`. */
const made: Neighbor[] = [];

/** A configured neighbor that is never started: the sink reads its settings, endpoint and session. */
export function neighbor(peerAddress: string, opts: { localAddress?: string; peerAs?: number; localAs?: number } = {}): Neighbor {
  const n = new Neighbor({
    name: `peer-${peerAddress}`,
    settings: { ...SETTINGS, peerAs: opts.peerAs ?? SETTINGS.peerAs, localAs: opts.localAs ?? SETTINGS.localAs },
    endpoint: { peerAddress, peerPort: 1179, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) },
    log: silentLog,
  });
  made.push(n);
  return n;
}

export async function stopNeighbors(): Promise<void> {
  await Promise.all(made.splice(0).map((n) => n.stop()));
}

/** A message event as a session reports it, with its wire bytes. */
export function messageEvent(n: Neighbor, time: number, message: Message, direction: 'receive' | 'send' = 'receive', ctx: CodecContext = DEFAULT_CONTEXT): SinkEvent {
  const raw = encodeMessage(message, ctx);
  const event: SessionEvent = message.type === 'update' ? { kind: 'update', message, direction, raw } : { kind: 'message', message, direction, raw };
  return { neighbor: n, event, time };
}

export function sinkEvent(n: Neighbor, time: number, event: SessionEvent): SinkEvent {
  return { neighbor: n, event, time };
}

export const KEEPALIVE: Message = { type: 'keepalive' };

export function open(myAs: number, bgpId: string, asn4 = true): OpenMessage {
  return {
    type: 'open',
    version: 4,
    myAs: myAs > 0xffff ? 23456 : myAs,
    holdTime: 90,
    bgpId,
    capabilities: [{ kind: 'multiprotocol', afi: Afi.IPV4, safi: Safi.UNICAST }, { kind: 'multiprotocol', afi: Afi.IPV6, safi: Safi.UNICAST }, ...(asn4 ? [{ kind: 'asn4' as const, asn: myAs }] : [])],
  };
}

/** An UPDATE announcing IPv4 prefixes in the classic NLRI field. */
export function ipv4Update(prefixes: string[], asns: number[], nextHop: string, extra: { communities?: number[]; pathIds?: number[] } = {}): UpdateMessage {
  return {
    type: 'update',
    withdrawn: [],
    attributes: { origin: Origin.IGP, asPath: [{ type: AsPathSegmentType.AS_SEQUENCE, asns }], nextHop, ...(extra.communities ? { communities: extra.communities } : {}) },
    announced: [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes, nextHop: [nextHop], ...(extra.pathIds ? { pathIds: extra.pathIds } : {}) }],
  };
}

/** An UPDATE announcing IPv6 prefixes in MP_REACH_NLRI (RFC 4760). */
export function ipv6Update(prefixes: string[], asns: number[], nextHop: string): UpdateMessage {
  return {
    type: 'update',
    withdrawn: [],
    attributes: { origin: Origin.IGP, asPath: [{ type: AsPathSegmentType.AS_SEQUENCE, asns }] },
    announced: [{ afi: Afi.IPV6, safi: Safi.UNICAST, prefixes, nextHop: [nextHop] }],
  };
}

export function negotiated(peerOpen: OpenMessage, localOpen: OpenMessage, fields: Partial<Negotiated> = {}): Negotiated {
  return {
    holdTime: 90,
    keepaliveTime: 30,
    peerAs: 65002,
    peerId: peerOpen.bgpId,
    asn4: true,
    extendedMessage: false,
    families: [{ afi: Afi.IPV4, safi: Safi.UNICAST }],
    addPathReceive: new Set(),
    addPathSend: new Set(),
    routeRefresh: true,
    enhancedRouteRefresh: false,
    localOpen,
    peerOpen,
    ...fields,
  };
}

/** One BGP4MP message record as read back from a file (RFC 6396 §2, §3, §4.4). */
export interface ReadRecord {
  readonly seconds: number;
  readonly type: number;
  readonly subtype: number;
  readonly microseconds?: number;
  readonly peerAs: number;
  readonly localAs: number;
  readonly peer: string;
  readonly local: string;
  readonly message: Buffer;
}

/** Subtypes with 2-octet AS fields: MESSAGE, MESSAGE_LOCAL and their ADDPATH twins. */
const TWO_OCTET_AS = new Set([1, 6, 8, 10]);

/** Reads every BGP4MP message record of a file; throws on anything else or on a bad length. */
export function readRecords(file: string): ReadRecord[] {
  const buf = fs.readFileSync(file);
  const out: ReadRecord[] = [];
  for (let at = 0; at < buf.length; ) {
    const type = buf.readUInt16BE(at + 4);
    const subtype = buf.readUInt16BE(at + 6);
    const end = at + 12 + buf.readUInt32BE(at + 8);
    if (type !== 16 && type !== 17) throw new Error(`record at ${at}: type ${type}`);
    if (end > buf.length) throw new Error(`record at ${at} runs past the file`);
    let p = at + 12;
    const microseconds = type === 17 ? buf.readUInt32BE(p) : undefined;
    if (type === 17) p += 4;
    const wide = !TWO_OCTET_AS.has(subtype);
    const peerAs = wide ? buf.readUInt32BE(p) : buf.readUInt16BE(p);
    const localAs = wide ? buf.readUInt32BE(p + 4) : buf.readUInt16BE(p + 2);
    p += wide ? 8 : 4;
    const afi = buf.readUInt16BE(p + 2);
    p += 4;
    const size = afi === 1 ? 4 : 16;
    const peer = formatIp(buf.subarray(p, p + size));
    const local = formatIp(buf.subarray(p + size, p + 2 * size));
    p += 2 * size;
    out.push({ seconds: buf.readUInt32BE(at), type, subtype, ...(microseconds !== undefined ? { microseconds } : {}), peerAs, localAs, peer, local, message: buf.subarray(p, end) });
    at = end;
  }
  return out;
}
