/**
 * Adj-RIB-In (RFC 4271 §3.2): the routes one peer advertised to us, after RFC 7606 handling.
 * IPv4 unicast routes (the bulk of a full table) live in a typed-array hash keyed by the packed
 * prefix; other families and ADD-PATH routes are keyed by prefix text (plus path id). Identical
 * attribute sets are interned, so a full table holds one object per distinct set, not per prefix.
 */
import { Afi, Safi } from '../wire/iana';
import { formatIpv4Number } from '../wire/address';
import { packedAddress, packedLength, parseIpv4PrefixPacked } from '../wire/nlri/ipv4-prefix';
import { attachPackedIpv4, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import { decodePathAttributes, wireKeyOf } from '../wire/attributes';
import type { Announced, CodecContext, NlriList, PathAttributes, UpdateMessage } from '../wire/types';
import { pickRoutes } from '../policy/nlri-lists';
import { familyKey } from '../wire/types';
import { attributeKey } from './attribute-key';
import { Ipv4PrefixTable } from './ipv4-prefix-table';
import { PrefixesBySet } from './prefixes-by-set';

export interface RibEntry {
  readonly attributes: PathAttributes;
  readonly nextHop: readonly string[];
}

/**
 * A set kept as its wire bytes (attributes/wire-key.ts): about 100 bytes where the decoded objects
 * and a field-by-field key cost over a kilobyte. Decoded again on each read, which only listings do.
 */
class WireRibEntry implements RibEntry {
  constructor(
    readonly nextHop: readonly string[],
    private readonly wire: string,
  ) {}

  get attributes(): PathAttributes {
    const bytes = Buffer.from(this.wire, 'latin1');
    return decodePathAttributes(bytes, 0, bytes.length, WIRE_CONTEXT, true).parts.attributes;
  }
}

/** Wire keys are only made with 4-octet AS numbers (wire-key.ts); nothing else in the context matters to attributes. */
const WIRE_CONTEXT: CodecContext = { asn4: true, extendedMessage: true, addPath: new Set() };

/** Sets interned by wire key, under one next hop (the key leaves out MP_REACH_NLRI and its next hop). */
interface NextHopSets {
  /** The first array seen for this next hop, shared by every entry under it. */
  readonly nextHop: readonly string[];
  readonly ids: Map<string, number>;
}

/** What one UPDATE changed, in counts (for logs and metrics). */
export interface RibDelta {
  readonly announced: number;
  readonly withdrawn: number;
}

const IPV4_UNICAST = familyKey(Afi.IPV4, Safi.UNICAST);

export class AdjRibIn {
  /** IPv4 unicast without path ids: packed prefix -> index in `entryList`. */
  private readonly ipv4 = new Ipv4PrefixTable();
  /** Other families and ADD-PATH routes: familyKey -> (prefix or "prefix#pathId") -> entry. */
  private readonly tables = new Map<number, Map<string, RibEntry>>();
  /** Decoded sets (no wire key): field-by-field key (attribute-key.ts) -> index in `entryList`. */
  private readonly byFields = new Map<string, number>();
  /** Sets with a wire key: next hop text -> wire key -> index in `entryList`. */
  private readonly byWire = new Map<string, NextHopSets>();
  private readonly entryList: RibEntry[] = [];

  get size(): number {
    let n = this.ipv4.size;
    for (const t of this.tables.values()) n += t.size;
    return n;
  }

  /** Number of distinct attribute sets interned since the last clear(). */
  get attributeSets(): number {
    return this.entryList.length;
  }

  familySize(afi: number, safi: number): number {
    const fk = familyKey(afi, safi);
    return (fk === IPV4_UNICAST ? this.ipv4.size : 0) + (this.tables.get(fk)?.size ?? 0);
  }

  get(afi: number, safi: number, prefix: string, pathId?: number): RibEntry | undefined {
    const fk = familyKey(afi, safi);
    if (fk === IPV4_UNICAST && pathId === undefined) {
      const packed = parseIpv4PrefixPacked(prefix);
      if (packed >= 0) {
        const id = this.ipv4.get(packed);
        return id === undefined ? undefined : this.entryList[id];
      }
    }
    return this.tables.get(fk)?.get(textKey(prefix, pathId));
  }

  /** Applies an UPDATE; RFC 7606 treat-as-withdraw turns its announcements into withdrawals. */
  apply(msg: UpdateMessage): RibDelta {
    let withdrawn = 0;
    let announced = 0;
    for (const list of msg.withdrawn) withdrawn += this.remove(list);
    if (msg.errorAction === 'treat-as-withdraw') {
      for (const ann of msg.announced) withdrawn += this.remove(ann);
      return { announced, withdrawn };
    }
    for (const ann of msg.announced) {
      const id = this.intern(msg.attributes, ann.nextHop);
      const entry = this.entryList[id];
      const fk = familyKey(ann.afi, ann.safi);
      const { pathIds } = ann;
      const packed = fk === IPV4_UNICAST && !pathIds ? packedIpv4Of(ann) : undefined;
      if (packed) {
        for (let i = 0; i < packed.length; i++) this.ipv4.set(packed[i], id);
        announced += packed.length;
        continue;
      }
      const prefixes = ann.prefixes;
      if (fk === IPV4_UNICAST && !pathIds) {
        for (let i = 0; i < prefixes.length; i++) {
          const packed = parseIpv4PrefixPacked(prefixes[i]);
          if (packed >= 0) this.ipv4.set(packed, id);
          else this.textTable(fk).set(prefixes[i], entry); // not canonical text: keep it as given
        }
      } else {
        const table = this.textTable(fk);
        for (let i = 0; i < prefixes.length; i++) table.set(textKey(prefixes[i], pathIds?.[i]), entry);
      }
      announced += prefixes.length;
    }
    return { announced, withdrawn };
  }

  /** Drops everything (the session went down, RFC 4271 §8.2.2: routes of the peer are removed). */
  clear(): void {
    this.ipv4.clear();
    this.tables.clear();
    this.byFields.clear();
    this.byWire.clear();
    this.entryList.length = 0;
  }

  /** Iterates entries of every family as [familyKey, prefix key, entry] (prefix key: "prefix" or "prefix#pathId"). */
  *entries(): IterableIterator<[number, string, RibEntry]> {
    for (const [packed, id] of this.ipv4.entries()) {
      yield [IPV4_UNICAST, `${formatIpv4Number(packedAddress(packed))}/${packedLength(packed)}`, this.entryList[id]];
    }
    for (const [fk, table] of this.tables) for (const [k, e] of table) yield [fk, k, e];
  }

  /**
   * The part of `msg` that would change what is held: announcements of routes not held with these
   * attributes and next hop, withdrawals of routes held. Undefined when nothing would change. For
   * reporting a re-run of import policies over routes already received, where most come out as
   * they went in (lib/session/import-pipeline.ts).
   */
  changesOf(msg: UpdateMessage): UpdateMessage | undefined {
    if (msg.errorAction === 'treat-as-withdraw') return msg;
    const withdrawn: NlriList[] = [];
    for (const list of msg.withdrawn) {
      const held = this.indicesWhere(list, (fk, key, packed) => (packed >= 0 ? this.ipv4.get(packed) !== undefined : !!this.tables.get(fk)?.has(key)));
      if (held.length) withdrawn.push(held.length === nlriCount(list) ? list : pickRoutes(list, held, held.length, false));
    }
    const announced: Announced[] = [];
    for (const list of msg.announced) {
      const id = this.intern(msg.attributes, list.nextHop);
      const entry = this.entryList[id];
      const changed = this.indicesWhere(list, (fk, key, packed) => (packed >= 0 ? this.ipv4.get(packed) !== id : this.tables.get(fk)?.get(key) !== entry));
      if (changed.length) announced.push(changed.length === nlriCount(list) ? list : pickRoutes(list, changed, changed.length, true));
    }
    if (!withdrawn.length && !announced.length) return undefined;
    return { ...msg, withdrawn, announced };
  }

  /** Indices of the routes of `list` for which `test(familyKey, text key, packed or -1)` holds. */
  private indicesWhere(list: NlriList, test: (fk: number, key: string, packed: number) => boolean): number[] {
    const fk = familyKey(list.afi, list.safi);
    const out: number[] = [];
    const packed = fk === IPV4_UNICAST && !list.pathIds ? packedIpv4Of(list) : undefined;
    const n = nlriCount(list);
    for (let i = 0; i < n; i++) {
      if (packed) {
        if (test(fk, '', packed[i])) out.push(i);
        continue;
      }
      const text = list.prefixes[i];
      const p = fk === IPV4_UNICAST && !list.pathIds ? parseIpv4PrefixPacked(text) : -1;
      if (test(fk, p >= 0 ? '' : textKey(text, list.pathIds?.[i]), p)) out.push(i);
    }
    return out;
  }

  /**
   * Everything held as UPDATE-shaped batches, one per attribute set and family (IPv4 packed,
   * sorted): what import policies run over again when they change (lib/session/import-pipeline.ts).
   */
  *batches(): IterableIterator<UpdateMessage> {
    const v4 = PrefixesBySet.build(this.entryList.length, (visit) => this.ipv4.forEach(visit));
    for (let id = 0; id < this.entryList.length; id++) {
      const packed = v4.of(id);
      if (packed.length === 0) continue;
      const entry = this.entryList[id];
      const list = attachPackedIpv4({ afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: entry.nextHop }, Array.from(packed));
      yield { type: 'update', withdrawn: [], attributes: entry.attributes, announced: [list] };
    }
    for (const [fk, table] of this.tables) {
      const byEntry = new Map<RibEntry, { prefixes: string[]; pathIds: number[] }>();
      for (const [key, entry] of table) {
        let routes = byEntry.get(entry);
        if (!routes) byEntry.set(entry, (routes = { prefixes: [], pathIds: [] }));
        const hash = key.indexOf('#');
        routes.prefixes.push(hash < 0 ? key : key.slice(0, hash));
        if (hash >= 0) routes.pathIds.push(Number(key.slice(hash + 1)));
      }
      for (const [entry, { prefixes, pathIds }] of byEntry) {
        const list = { afi: fk >> 8, safi: fk & 255, nextHop: entry.nextHop, prefixes, ...(pathIds.length ? { pathIds } : {}) };
        yield { type: 'update', withdrawn: [], attributes: entry.attributes, announced: [list] };
      }
    }
  }

  private remove(list: NlriList): number {
    const fk = familyKey(list.afi, list.safi);
    const { pathIds } = list;
    let n = 0;
    const table = this.tables.get(fk);
    const packed = fk === IPV4_UNICAST && !pathIds ? packedIpv4Of(list) : undefined;
    if (packed) {
      for (let i = 0; i < packed.length; i++) if (this.ipv4.delete(packed[i]) !== undefined) n++;
      return n;
    }
    const prefixes = list.prefixes;
    if (fk === IPV4_UNICAST && !pathIds) {
      for (let i = 0; i < prefixes.length; i++) {
        const packed = parseIpv4PrefixPacked(prefixes[i]);
        if (packed >= 0 ? this.ipv4.delete(packed) !== undefined : table?.delete(prefixes[i])) n++;
      }
      return n;
    }
    if (!table) return 0;
    for (let i = 0; i < prefixes.length; i++) if (table.delete(textKey(prefixes[i], pathIds?.[i]))) n++;
    return n;
  }

  private textTable(fk: number): Map<string, RibEntry> {
    let t = this.tables.get(fk);
    if (!t) this.tables.set(fk, (t = new Map()));
    return t;
  }

  /** The index in `entryList` of this set, added on first sight. */
  private intern(attributes: PathAttributes, nextHop: readonly string[]): number {
    const wire = wireKeyOf(attributes);
    if (wire === undefined) {
      const k = attributeKey(attributes, nextHop);
      let id = this.byFields.get(k);
      if (id === undefined) {
        id = this.entryList.push({ attributes, nextHop }) - 1;
        this.byFields.set(k, id);
      }
      return id;
    }
    const hop = nextHop.length === 1 ? nextHop[0] : nextHop.join(',');
    let sets = this.byWire.get(hop);
    if (!sets) this.byWire.set(hop, (sets = { nextHop, ids: new Map() }));
    let id = sets.ids.get(wire);
    if (id === undefined) {
      id = this.entryList.push(new WireRibEntry(sets.nextHop, wire)) - 1;
      sets.ids.set(wire, id);
    }
    return id;
  }
}

function textKey(prefix: string, pathId: number | undefined): string {
  return pathId === undefined ? prefix : `${prefix}#${pathId}`;
}
