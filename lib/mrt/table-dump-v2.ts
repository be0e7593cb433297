/**
 * Reads a RIB dump in MRT TABLE_DUMP_V2 format (RFC 6396 §4.3), the format route collectors
 * (RouteViews, RIPE RIS), BIRD, GoBGP and bgpdump write, into a RouteTable for an Adj-RIB-Out:
 * replaying a real table to a peer under test is a common lab job.
 *
 * Per prefix the first RIB entry is taken (a collector's dump holds one entry per peer that sent
 * the prefix; the first is that of the lowest peer index in the file). Attribute sets are interned
 * by their bytes, so a full table holds one decoded set per distinct set, not per prefix. The
 * file is read in chunks, never whole: a collector's dump is hundreds of megabytes.
 *
 * Read: PEER_INDEX_TABLE (1, checked only), RIB_IPV4_UNICAST (2), RIB_IPV6_UNICAST (4). Skipped and
 * counted: other TABLE_DUMP_V2 subtypes (multicast, RIB_GENERIC, the RFC 8050 ADD-PATH variants)
 * and other MRT types. A record that does not parse is an error naming its offset.
 */
import fs from 'fs';
import { decodePathAttributes } from '../wire/attributes';
import { formatIp } from '../wire/address';
import { Afi, AttrType, Safi } from '../wire/iana';
import { LENGTH_SLOTS } from '../wire/nlri/ipv4-prefix';
import type { CodecContext, PathAttributes } from '../wire/types';
import type { RouteTable, TableSet } from '../rib/route-table';

export type { RouteTable, TableSet };

const MRT_HEADER = 12;
const TABLE_DUMP_V2 = 13;
const PEER_INDEX_TABLE = 1;
const RIB_IPV4_UNICAST = 2;
const RIB_IPV6_UNICAST = 4;
const CHUNK = 1 << 20;

/** TABLE_DUMP_V2 always encodes AS numbers in 4 octets (RFC 6396 §4.3.4). */
const DUMP_CONTEXT: CodecContext = { asn4: true, extendedMessage: true, addPath: new Set() };


/**
 * A set as read from the dump: its bytes only. A full table has a few hundred thousand sets, and
 * their decoded objects would be most of the memory an Adj-RIB-Out holds for it; they are decoded
 * again when a send or a listing reads them (checked once when the dump is read).
 */
class DumpSet implements TableSet {
  readonly safi = Safi.UNICAST;

  constructor(
    readonly afi: number,
    readonly nextHop: string,
    readonly bytesKey: string,
  ) {}

  get attributes(): PathAttributes {
    const bytes = Buffer.from(this.bytesKey, 'latin1');
    return withoutNextHop(decodeEntryAttributes(bytes, 0, bytes.length, (what) => new MrtError(what)).attributes);
  }
}

/** Sets interned per address family by their attribute bytes, and their next hops' text. */
type InternedSets = Readonly<Record<number, Map<string, number>>> & { readonly nextHops: Map<string, string> };


export class MrtError extends Error {}

/** Reads the whole file; throws MrtError (what and at which offset) on a malformed record. */
export function readTableDump(file: string): RouteTable {
  const table: RouteTable = { sets: [], v4Prefixes: [], v4Sets: [], other: [], skippedRecords: 0, skippedPrefixes: 0 };
  const interned: InternedSets = { [Afi.IPV4]: new Map(), [Afi.IPV6]: new Map(), nextHops: new Map() };
  const fd = fs.openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let have = 0; // bytes of buf holding unread data, from 0
    let fileOffset = 0; // file offset of buf[0]
    let eof = false;
    for (;;) {
      if (!eof && have < buf.length) {
        const n = fs.readSync(fd, buf, have, buf.length - have, null);
        if (n === 0) eof = true;
        have += n;
      }
      let at = 0;
      while (at + MRT_HEADER <= have) {
        const length = buf.readUInt32BE(at + 8);
        const end = at + MRT_HEADER + length;
        if (end > have) break;
        readRecord(buf, at, end, table, interned, fileOffset + at);
        at = end;
      }
      if (at === 0 && have === buf.length) {
        // One record larger than the buffer: grow it (a RIB record with many peers can be large).
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
        continue;
      }
      buf.copy(buf, 0, at, have);
      have -= at;
      fileOffset += at;
      if (eof) {
        if (have > 0) throw new MrtError(`${file}: truncated MRT record at offset ${fileOffset}`);
        return table;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readRecord(buf: Buffer, start: number, end: number, table: RouteTable, interned: InternedSets, offset: number): void {
  const type = buf.readUInt16BE(start + 4);
  const subtype = buf.readUInt16BE(start + 6);
  const body = start + MRT_HEADER;
  if (type !== TABLE_DUMP_V2 || (subtype !== RIB_IPV4_UNICAST && subtype !== RIB_IPV6_UNICAST)) {
    if (type !== TABLE_DUMP_V2 || subtype !== PEER_INDEX_TABLE) table.skippedRecords++;
    return;
  }
  const fail = (what: string) => new MrtError(`MRT record at offset ${offset} (TABLE_DUMP_V2 subtype ${subtype}): ${what}`);
  const afi = subtype === RIB_IPV4_UNICAST ? Afi.IPV4 : Afi.IPV6;
  // Sequence Number (4), Prefix Length (1), Prefix (fewest octets), Entry Count (2), entries.
  if (body + 5 > end) throw fail('too short for sequence number and prefix length');
  const length = buf[body + 4];
  const maxLength = afi === Afi.IPV4 ? 32 : 128;
  if (length > maxLength) throw fail(`prefix length ${length} > ${maxLength}`);
  const octets = (length + 7) >> 3;
  const prefixAt = body + 5;
  let at = prefixAt + octets;
  if (at + 2 > end) throw fail('prefix runs past the record');
  const entries = buf.readUInt16BE(at);
  at += 2;
  if (entries === 0) return;
  // RIB entry: Peer Index (2), Originated Time (4), Attribute Length (2), attributes.
  if (at + 8 > end) throw fail('RIB entry runs past the record');
  const attrLength = buf.readUInt16BE(at + 6);
  const attrStart = at + 8;
  const attrEnd = attrStart + attrLength;
  if (attrEnd > end) throw fail('attributes run past the record');
  const set = internSet(buf, attrStart, attrEnd, afi, interned, table, fail);
  if (set < 0) {
    table.skippedPrefixes++;
    return;
  }
  if (afi === Afi.IPV4) {
    let address = 0;
    for (let i = 0; i < 4; i++) address = address * 256 + (i < octets ? buf[prefixAt + i] : 0);
    // Bits past the length are irrelevant (RFC 4271 §4.3): cleared, so the key is canonical.
    const host = address % 2 ** (32 - length);
    table.v4Prefixes.push((address - host) * LENGTH_SLOTS + length);
    table.v4Sets.push(set);
    return;
  }
  const address = Buffer.alloc(16);
  buf.copy(address, 0, prefixAt, prefixAt + octets);
  if (length % 8) address[octets - 1] &= 0xff << (8 - (length % 8));
  table.other.push({ afi, safi: Safi.UNICAST, prefix: `${formatIp(address)}/${length}`, set });
}

/**
 * The set of an entry's attribute bytes, decoded once per distinct byte string. Returns -1 when
 * the entry has no next hop for its family.
 */
function internSet(buf: Buffer, start: number, end: number, afi: number, interned: InternedSets, table: RouteTable, fail: (what: string) => Error): number {
  const key = buf.toString('latin1', start, end);
  const known = interned[afi]!.get(key);
  if (known !== undefined) return known;
  const { attributes, mpNextHop } = decodeEntryAttributes(buf, start, end, fail);
  const read = afi === Afi.IPV4 ? (attributes.nextHop ?? mpNextHop) : mpNextHop;
  let id = -1;
  if (read !== undefined) {
    // A dump has few next hops and many sets: one string each.
    let nextHop = interned.nextHops.get(read);
    if (nextHop === undefined) interned.nextHops.set(read, (nextHop = read));
    id = table.sets.length;
    table.sets.push(new DumpSet(afi, nextHop, key));
  }
  interned[afi]!.set(key, id);
  return id;
}

/**
 * A RIB entry's attributes, decoded like an UPDATE's once MP_REACH_NLRI is taken out (in a RIB
 * entry it holds only the next hop, RFC 6396 §4.3.4, returned as `mpNextHop`). `attributes`
 * keeps NEXT_HOP; the set's own attributes are these without it.
 */
function decodeEntryAttributes(
  buf: Buffer,
  start: number,
  end: number,
  fail: (what: string) => Error,
): { readonly attributes: PathAttributes & { readonly nextHop?: string }; readonly mpNextHop: string | undefined } {
  const kept: Buffer[] = [];
  let mpNextHop: string | undefined;
  for (let at = start; at < end; ) {
    if (at + 3 > end) throw fail('attribute header runs past the attributes');
    const flags = buf[at];
    const code = buf[at + 1];
    const wide = (flags & 0x10) !== 0;
    const valueAt = at + (wide ? 4 : 3);
    if (valueAt > end) throw fail('attribute header runs past the attributes');
    const valueEnd = valueAt + (wide ? buf.readUInt16BE(at + 2) : buf[at + 2]);
    if (valueEnd > end) throw fail(`attribute ${code} runs past the attributes`);
    if (code === AttrType.MP_REACH_NLRI) mpNextHop = abbreviatedNextHop(buf, valueAt, valueEnd);
    else kept.push(buf.subarray(at, valueEnd));
    at = valueEnd;
  }
  const bytes = kept.length === 1 ? kept[0] : Buffer.concat(kept);
  let decoded: PathAttributes;
  try {
    decoded = decodePathAttributes(bytes, 0, bytes.length, DUMP_CONTEXT, true).parts.attributes;
  } catch (e) {
    throw fail(`attributes do not decode: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { attributes: decoded, mpNextHop };
}

/** The set's attributes: the entry's without NEXT_HOP, which is the route's next hop instead. */
function withoutNextHop(attributes: PathAttributes): PathAttributes {
  const { nextHop: _nextHop, ...rest } = attributes as PathAttributes & { nextHop?: string };
  return rest;
}

/**
 * The next hop of a RIB entry's MP_REACH_NLRI: RFC 6396 §4.3.4 keeps only Next Hop Length and Next
 * Hop; some writers keep the full RFC 4760 form (AFI, SAFI, length, next hop, ...), read too.
 * With a global and a link-local IPv6 address, the global one.
 */
function abbreviatedNextHop(buf: Buffer, start: number, end: number): string | undefined {
  const read = (lengthAt: number): string | undefined => {
    const length = buf[lengthAt];
    const at = lengthAt + 1;
    if (at + length > end) return undefined;
    if (length === 4) return formatIp(buf.subarray(at, at + 4));
    if (length === 16 || length === 32) return formatIp(buf.subarray(at, at + 16));
    return undefined;
  };
  if (start < end && start + 1 + buf[start] === end) return read(start);
  if (start + 4 <= end) return read(start + 3);
  return undefined;
}
