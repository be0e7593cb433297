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
 * Read, for every family of the registry (FAMILY_REGISTRY; each NLRI and next hop through the
 * family's own codec, so a family added there is read here with nothing to change):
 * PEER_INDEX_TABLE (1, checked only), RIB_IPV4/IPV6_UNICAST/MULTICAST (2–5), RIB_GENERIC (6, any
 * AFI/SAFI, §4.3.3) and their RFC 8050 ADDPATH twins (8–12: a Path Identifier per RIB entry; the
 * first entry's peer's paths are all taken). RIB_IPV4_UNICAST is read straight to the packed form.
 * Skipped and counted: records of a family rxbgp does not carry (`skippedFamilies`, by name), other
 * TABLE_DUMP_V2 subtypes and other MRT types (`skippedRecords`). A record that does not parse is an
 * error naming its offset.
 */
import fs from 'fs';
import { decodePathAttributes } from '../wire/attributes';
import { familyName } from '../wire/family-names';
import { Afi, AttrType, Safi } from '../wire/iana';
import { LENGTH_SLOTS } from '../wire/nlri/ipv4-prefix';
import { familyKey, type CodecContext, type PathAttributes } from '../wire/types';
import { FAMILY_REGISTRY } from '../families';
import type { RouteTable, TableSet } from '../rib/route-table';
import { PREFIX_SUBTYPES, Subtype, genericNlri, prefixNlri } from './rib-nlri';

export { Subtype };

export type { RouteTable, TableSet };

const MRT_HEADER = 12;
const TABLE_DUMP_V2 = 13;
const CHUNK = 1 << 20;

/** TABLE_DUMP_V2 always encodes AS numbers in 4 octets (RFC 6396 §4.3.4). */
const DUMP_CONTEXT: CodecContext = { asn4: true, extendedMessage: true, addPath: new Set() };

/**
 * A set as read from the dump: its bytes only. A full table has a few hundred thousand sets, and
 * their decoded objects would be most of the memory an Adj-RIB-Out holds for it; they are decoded
 * again when a send or a listing reads them (checked once when the dump is read).
 */
class DumpSet implements TableSet {
  constructor(
    readonly afi: number,
    readonly safi: number,
    readonly nextHop: string,
    readonly bytesKey: string,
  ) {}

  get attributes(): PathAttributes {
    const bytes = Buffer.from(this.bytesKey, 'latin1');
    return withoutNextHop(decodeEntryAttributes(bytes, 0, bytes.length, (what) => new MrtError(what)).attributes);
  }
}

/** Sets interned per family (familyKey) by their attribute bytes, and their next hops' text. */
interface InternedSets {
  readonly sets: Map<number, Map<string, number>>;
  readonly nextHops: Map<string, string>;
}

export class MrtError extends Error {}

/** Reads the whole file; throws MrtError (what and at which offset) on a malformed record. */
export function readTableDump(file: string): RouteTable {
  const table: RouteTable = { sets: [], v4Prefixes: [], v4Sets: [], other: [], skippedRecords: 0, skippedPrefixes: 0, skippedFamilies: new Map() };
  const interned: InternedSets = { sets: new Map(), nextHops: new Map() };
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
  if (type !== TABLE_DUMP_V2) {
    table.skippedRecords++;
    return;
  }
  if (subtype === Subtype.PEER_INDEX_TABLE) return;
  const fail = (what: string) => new MrtError(`MRT record at offset ${offset} (TABLE_DUMP_V2 subtype ${subtype}): ${what}`);
  if (subtype === Subtype.RIB_IPV4_UNICAST) {
    readIpv4Unicast(buf, body, end, table, interned, fail);
    return;
  }
  // Sequence Number (4), then the family's NLRI: Prefix Length and prefix (§4.3.2), or AFI (2),
  // SAFI (1) and one NLRI in the family's own encoding (RIB_GENERIC, §4.3.3).
  const fixed = PREFIX_SUBTYPES[subtype];
  const generic = subtype === Subtype.RIB_GENERIC || subtype === Subtype.RIB_GENERIC_ADDPATH;
  if (!fixed && !generic) {
    table.skippedRecords++;
    return;
  }
  const afi = fixed ? fixed.afi : body + 7 <= end ? buf.readUInt16BE(body + 4) : -1;
  const safi = fixed ? fixed.safi : body + 7 <= end ? buf[body + 6] : -1;
  if (afi < 0) throw fail('too short for sequence number, AFI and SAFI');
  const addPath = fixed ? fixed.addPath : subtype === Subtype.RIB_GENERIC_ADDPATH;
  const family = FAMILY_REGISTRY.get(afi, safi);
  if (!family) {
    const name = familyName(afi, safi);
    table.skippedFamilies.set(name, (table.skippedFamilies.get(name) ?? 0) + 1);
    return;
  }
  const nlriAt = fixed ? body + 4 : body + 7;
  const { end: nlriEnd, prefix } = fixed ? prefixNlri(family, buf, nlriAt, end, fail) : genericNlri(family.wire, buf, nlriAt, end, fail);
  forEachEntry(buf, nlriEnd, end, addPath, fail, (attrStart, attrEnd, pathId) => {
    const set = internSet(buf, attrStart, attrEnd, family.afi, family.safi, interned, table, fail);
    if (set < 0) table.skippedPrefixes++;
    else table.other.push(pathId === undefined ? { afi: family.afi, safi: family.safi, prefix, set } : { afi: family.afi, safi: family.safi, prefix, pathId, set });
  });
}

/** RIB_IPV4_UNICAST, the bulk of every collector's dump: straight to the packed form, no text made. */
function readIpv4Unicast(buf: Buffer, body: number, end: number, table: RouteTable, interned: InternedSets, fail: (what: string) => Error): void {
  if (body + 5 > end) throw fail('too short for sequence number and prefix length');
  const length = buf[body + 4];
  if (length > 32) throw fail(`prefix length ${length} > 32`);
  const octets = (length + 7) >> 3;
  const prefixAt = body + 5;
  forEachEntry(buf, prefixAt + octets, end, false, fail, (attrStart, attrEnd) => {
    const set = internSet(buf, attrStart, attrEnd, Afi.IPV4, Safi.UNICAST, interned, table, fail);
    if (set < 0) {
      table.skippedPrefixes++;
      return;
    }
    let address = 0;
    for (let i = 0; i < 4; i++) address = address * 256 + (i < octets ? buf[prefixAt + i] : 0);
    // Bits past the length are irrelevant (RFC 4271 §4.3): cleared, so the key is canonical.
    const host = address % 2 ** (32 - length);
    table.v4Prefixes.push((address - host) * LENGTH_SLOTS + length);
    table.v4Sets.push(set);
  });
}

/**
 * Calls `use` with each entry's attributes taken (and its Path Identifier with ADD-PATH). The
 * entries of the first entry's peer only: a collector's dump holds one entry per peer that sent
 * the prefix (the first is that of the lowest peer index), and with ADD-PATH (RFC 8050 §4: Peer
 * Index, Originated Time, Path Identifier, Attribute Length) that peer may have several paths.
 */
function forEachEntry(
  buf: Buffer,
  countAt: number,
  end: number,
  addPath: boolean,
  fail: (what: string) => Error,
  use: (attrStart: number, attrEnd: number, pathId: number | undefined) => void,
): void {
  if (countAt + 2 > end) throw fail('prefix runs past the record');
  const entries = buf.readUInt16BE(countAt);
  const head = addPath ? 12 : 8;
  let at = countAt + 2;
  for (let i = 0; i < entries; i++) {
    if (at + head > end) throw fail('RIB entry runs past the record');
    const attrLength = buf.readUInt16BE(at + head - 2);
    const attrStart = at + head;
    const attrEnd = attrStart + attrLength;
    if (attrEnd > end) throw fail('attributes run past the record');
    if (i === 0 || buf.readUInt16BE(at) === buf.readUInt16BE(countAt + 2)) use(attrStart, attrEnd, addPath ? buf.readUInt32BE(at + 6) : undefined);
    if (!addPath) return;
    at = attrEnd;
  }
}

/**
 * The set of an entry's attribute bytes, decoded once per distinct byte string and family. Returns
 * -1 when the entry has no next hop the family's codec reads ("" for a family without next hops).
 */
function internSet(buf: Buffer, start: number, end: number, afi: number, safi: number, interned: InternedSets, table: RouteTable, fail: (what: string) => Error): number {
  const fk = familyKey(afi, safi);
  let sets = interned.sets.get(fk);
  if (!sets) interned.sets.set(fk, (sets = new Map()));
  const key = buf.toString('latin1', start, end);
  const known = sets.get(key);
  if (known !== undefined) return known;
  const { attributes, mpNextHop } = decodeEntryAttributes(buf, start, end, fail);
  const codec = FAMILY_REGISTRY.nlri.get(fk)!;
  // The family's codec reads MP_REACH_NLRI's next hop (an RD before a VPN's address, a global and
  // a link-local IPv6 address: the global one is the route's); NEXT_HOP stands in where there is none.
  const hops = mpNextHop ? codec.decodeNextHop(buf, mpNextHop.start, mpNextHop.end) : attributes.nextHop !== undefined ? [attributes.nextHop] : undefined;
  const read = hops ? (hops[0] ?? '') : undefined;
  let id = -1;
  if (read !== undefined) {
    // A dump has few next hops and many sets: one string each.
    let nextHop = interned.nextHops.get(read);
    if (nextHop === undefined) interned.nextHops.set(read, (nextHop = read));
    id = table.sets.length;
    table.sets.push(new DumpSet(afi, safi, nextHop, key));
  }
  sets.set(key, id);
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
): { readonly attributes: PathAttributes & { readonly nextHop?: string }; readonly mpNextHop: NextHopField | undefined } {
  const kept: Buffer[] = [];
  let mpNextHop: NextHopField | undefined;
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

/** Where "Network Address of Next Hop" lies in the buffer. */
interface NextHopField {
  readonly start: number;
  readonly end: number;
}

/**
 * The next hop of a RIB entry's MP_REACH_NLRI: RFC 6396 §4.3.4 keeps only Next Hop Length and Next
 * Hop; some writers keep the full RFC 4760 form (AFI, SAFI, length, next hop, ...), read too.
 */
function abbreviatedNextHop(buf: Buffer, start: number, end: number): NextHopField | undefined {
  const field = (lengthAt: number): NextHopField | undefined => {
    const at = lengthAt + 1;
    return at + buf[lengthAt] <= end ? { start: at, end: at + buf[lengthAt] } : undefined;
  };
  if (start < end && start + 1 + buf[start] === end) return field(start);
  if (start + 4 <= end) return field(start + 3);
  return undefined;
}
