/**
 * An MRT TABLE_DUMP_V2 file (RFC 6396 §4.3) holding the prefix run as one peer's RIB, for
 * `gobgp mrt inject global`: the fastest way to load a large table into gobgpd before a session
 * comes up. Records are written into one reused buffer and flushed in large writes.
 */
import fs from 'fs';
import { PREFIX_LENGTH, parseDottedQuad, type Ipv4PrefixRun } from './prefix-run';

/** RFC 6396 §4 MRT types and §4.3 TABLE_DUMP_V2 subtypes. */
const MRT_TABLE_DUMP_V2 = 13;
const PEER_INDEX_TABLE = 1;
const RIB_IPV4_UNICAST = 2;
/** RFC 6396 §4.3.1: peer type bit 1 set = the Peer AS field is 4 octets (bit 0 clear = IPv4 address). */
const PEER_TYPE_AS4 = 0x02;

const MRT_HEADER_LENGTH = 12;
/** ORIGIN IGP, an empty AS_PATH (the injecting speaker prepends its own AS to eBGP peers), NEXT_HOP. */
const ATTRIBUTES_LENGTH = 4 + 3 + 7;
const PREFIX_OCTETS = PREFIX_LENGTH / 8;
/** Sequence(4) prefix length(1) prefix(3) entry count(2) | peer index(2) originated time(4) attribute length(2) attributes. */
const RIB_BODY_LENGTH = 4 + 1 + PREFIX_OCTETS + 2 + 2 + 4 + 2 + ATTRIBUTES_LENGTH;
const RIB_RECORD_LENGTH = MRT_HEADER_LENGTH + RIB_BODY_LENGTH;

const FLUSH_BYTES = 1 << 20;

export interface MrtPeer {
  readonly collectorId: string;
  readonly peerId: string;
  readonly peerAddress: string;
  readonly peerAs: number;
}

export interface MrtTableOptions {
  readonly peer: MrtPeer;
  /** NEXT_HOP of every route. */
  readonly nextHop: string;
  /** Seconds since the epoch stamped on every record. */
  readonly timestamp: number;
  /**
   * Extra records appended after the run, each repeating the run's first prefix: `gobgp mrt inject`
   * (3.10) can drop the last records of a file (PEERS.md), and a repeat of a prefix already loaded
   * changes nothing if it does get through.
   */
  readonly padding: number;
}

export function writeMrtTableDump(file: string, routes: Ipv4PrefixRun, o: MrtTableOptions): void {
  const nextHop = ipv4(o.nextHop, 'next hop');
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, peerIndexTable(o.peer, o.timestamp));
    const buf = Buffer.allocUnsafe(FLUSH_BYTES - (FLUSH_BYTES % RIB_RECORD_LENGTH));
    let at = 0;
    const total = routes.count + o.padding;
    for (let seq = 0; seq < total; seq++) {
      if (at + RIB_RECORD_LENGTH > buf.length) {
        fs.writeSync(fd, buf, 0, at);
        at = 0;
      }
      const address = routes.address(seq < routes.count ? seq : 0);
      at = writeRibRecord(buf, at, seq, address, nextHop, o.timestamp);
    }
    fs.writeSync(fd, buf, 0, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** RFC 6396 §4.3.1 PEER_INDEX_TABLE with one IPv4 peer that has a 4-octet AS. */
export function peerIndexTable(peer: MrtPeer, timestamp: number): Buffer {
  const body = 4 + 2 + 2 + (1 + 4 + 4 + 4);
  const b = Buffer.alloc(MRT_HEADER_LENGTH + body);
  let at = mrtHeader(b, 0, timestamp, PEER_INDEX_TABLE, body);
  at = b.writeUInt32BE(ipv4(peer.collectorId, 'collector id'), at);
  at = b.writeUInt16BE(0, at); // view name length: no view name
  at = b.writeUInt16BE(1, at); // peer count
  at = b.writeUInt8(PEER_TYPE_AS4, at);
  at = b.writeUInt32BE(ipv4(peer.peerId, 'peer id'), at);
  at = b.writeUInt32BE(ipv4(peer.peerAddress, 'peer address'), at);
  b.writeUInt32BE(peer.peerAs, at);
  return b;
}

/** RFC 6396 §4.3.2 RIB_IPV4_UNICAST with one RIB entry (§4.3.4) from peer 0; returns the offset after it. */
export function writeRibRecord(b: Buffer, at: number, sequence: number, address: number, nextHop: number, timestamp: number): number {
  at = mrtHeader(b, at, timestamp, RIB_IPV4_UNICAST, RIB_BODY_LENGTH);
  at = b.writeUInt32BE(sequence >>> 0, at);
  at = b.writeUInt8(PREFIX_LENGTH, at);
  b[at++] = address >>> 24;
  b[at++] = (address >>> 16) & 255;
  b[at++] = (address >>> 8) & 255;
  at = b.writeUInt16BE(1, at); // entry count
  at = b.writeUInt16BE(0, at); // peer index
  at = b.writeUInt32BE(timestamp, at); // originated time
  at = b.writeUInt16BE(ATTRIBUTES_LENGTH, at);
  // ORIGIN (RFC 4271 §5.1.1): well-known transitive, length 1, IGP.
  b[at++] = 0x40;
  b[at++] = 1;
  b[at++] = 1;
  b[at++] = 0;
  // AS_PATH (RFC 4271 §5.1.2): empty, as a speaker originating a route has it.
  b[at++] = 0x40;
  b[at++] = 2;
  b[at++] = 0;
  // NEXT_HOP (RFC 4271 §5.1.3).
  b[at++] = 0x40;
  b[at++] = 3;
  b[at++] = 4;
  return b.writeUInt32BE(nextHop, at);
}

/** RFC 6396 §2 common header: timestamp, type, subtype, length of what follows. */
function mrtHeader(b: Buffer, at: number, timestamp: number, subtype: number, length: number): number {
  at = b.writeUInt32BE(timestamp, at);
  at = b.writeUInt16BE(MRT_TABLE_DUMP_V2, at);
  at = b.writeUInt16BE(subtype, at);
  return b.writeUInt32BE(length, at);
}

function ipv4(text: string, what: string): number {
  const n = parseDottedQuad(text);
  if (n === undefined) throw new Error(`MRT file: ${what} ${text} is not an IPv4 address`);
  return n;
}
