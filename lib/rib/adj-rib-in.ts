/**
 * Adj-RIB-In (RFC 4271 §3.2): the routes one peer advertised to us, after RFC 7606 handling.
 * Routes are keyed by their family's RIB keys (lib/families): families with numeric keys (IPv4
 * unicast's packed prefixes, the bulk of a full table) live in a typed-array hash per family;
 * other families and ADD-PATH routes are keyed by NLRI text (plus path id). Identical attribute
 * sets are interned, so a full table holds one object per distinct set, not per prefix.
 */
import { FAMILY_REGISTRY, type AnyFamily } from '../families';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import { decodePathAttributes, wireKeyOf } from '../wire/attributes';
import type { Announced, CodecContext, NlriList, PathAttributes, UpdateMessage } from '../wire/types';
import { pickRoutes } from '../wire/nlri/nlri-lists';
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

/** A family whose RIB keys are numbers (IPv4 unicast: packed prefixes), held in a typed-array table. */
interface NumericTable {
  readonly family: AnyFamily;
  readonly table: Ipv4PrefixTable;
}

/** The family's descriptor when it keys its routes by number (lib/families), else undefined. */
function numericFamily(afi: number, safi: number): AnyFamily | undefined {
  const family = FAMILY_REGISTRY.get(afi, safi);
  return family?.ribKeyKind === 'number' ? family : undefined;
}

export class AdjRibIn {
  /** Families with numeric RIB keys, routes without path ids: familyKey -> (key -> index in `entryList`). */
  private readonly numeric = new Map<number, NumericTable>();
  /** Other families and ADD-PATH routes: familyKey -> (NLRI text or "text#pathId") -> entry. */
  private readonly tables = new Map<number, Map<string, RibEntry>>();
  /**
   * Families with a received key (FamilyDescriptor.receivedKey: labeled routes, RFC 8277 §2.4):
   * familyKey -> (received key, "#pathId" added) -> the text key held in `tables`.
   */
  private readonly heldKeys = new Map<number, Map<string, string>>();
  /** Decoded sets (no wire key): field-by-field key (attribute-key.ts) -> index in `entryList`. */
  private readonly byFields = new Map<string, number>();
  /** Sets with a wire key: next hop text -> wire key -> index in `entryList`. */
  private readonly byWire = new Map<string, NextHopSets>();
  private readonly entryList: RibEntry[] = [];

  get size(): number {
    let n = 0;
    for (const t of this.numeric.values()) n += t.table.size;
    for (const t of this.tables.values()) n += t.size;
    return n;
  }

  /** Number of distinct attribute sets interned since the last clear(). */
  get attributeSets(): number {
    return this.entryList.length;
  }

  familySize(afi: number, safi: number): number {
    const fk = familyKey(afi, safi);
    return (this.numeric.get(fk)?.table.size ?? 0) + (this.tables.get(fk)?.size ?? 0);
  }

  get(afi: number, safi: number, prefix: string, pathId?: number): RibEntry | undefined {
    const fk = familyKey(afi, safi);
    const numeric = pathId === undefined ? this.numeric.get(fk) : undefined;
    if (numeric) {
      const key = numeric.family.ribKey(prefix) as number;
      if (key >= 0) {
        const id = numeric.table.get(key);
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
      const numeric = pathIds ? undefined : this.numericTable(fk, ann.afi, ann.safi);
      if (numeric) {
        // One call for the whole list: a packed IPv4 list hands over its own numbers.
        const keys = numeric.family.ribKeys(ann) as ArrayLike<number>;
        const table = numeric.table;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (key >= 0) table.set(key, id);
          else this.textTable(fk).set(ann.prefixes[i], entry); // no numeric key (text not canonical): keep it as given
        }
        announced += keys.length;
        continue;
      }
      const prefixes = ann.prefixes;
      const table = this.textTable(fk);
      const family = FAMILY_REGISTRY.get(ann.afi, ann.safi);
      if (family?.receivedKey) {
        // The same route announced with other labels replaces the one held.
        const held = this.heldKeyTable(fk);
        for (let i = 0; i < prefixes.length; i++) {
          const key = textKey(prefixes[i], pathIds?.[i]);
          const same = textKey(family.receivedKey(family.nlriAt(ann, i)), pathIds?.[i]);
          const before = held.get(same);
          if (before !== undefined && before !== key) table.delete(before);
          held.set(same, key);
          table.set(key, entry);
        }
        announced += prefixes.length;
        continue;
      }
      for (let i = 0; i < prefixes.length; i++) table.set(textKey(prefixes[i], pathIds?.[i]), entry);
      announced += prefixes.length;
    }
    return { announced, withdrawn };
  }

  /** Drops everything (the session went down, RFC 4271 §8.2.2: routes of the peer are removed). */
  clear(): void {
    this.numeric.clear();
    this.tables.clear();
    this.heldKeys.clear();
    this.byFields.clear();
    this.byWire.clear();
    this.entryList.length = 0;
  }

  /** Iterates entries of every family as [familyKey, prefix key, entry] (prefix key: "prefix" or "prefix#pathId"). */
  *entries(): IterableIterator<[number, string, RibEntry]> {
    for (const [fk, { family, table }] of this.numeric) {
      for (const [key, id] of table.entries()) yield [fk, family.formatText(family.nlriOfKey(key)), this.entryList[id]];
    }
    for (const [fk, table] of this.tables) for (const [k, e] of table) yield [fk, k, e];
  }

  /** Iterates one family's entries as [prefix key, entry] (prefix key: "prefix" or "prefix#pathId"). */
  *familyEntries(afi: number, safi: number): IterableIterator<[string, RibEntry]> {
    const fk = familyKey(afi, safi);
    const numeric = this.numeric.get(fk);
    if (numeric) for (const [key, id] of numeric.table.entries()) yield [numeric.family.formatText(numeric.family.nlriOfKey(key)), this.entryList[id]];
    const table = this.tables.get(fk);
    if (table) yield* table;
  }

  /**
   * The part of `msg` that would change what is held: announcements of routes not held with these
   * attributes and next hop, withdrawals of routes held. Undefined when nothing would change. For
   * reporting a re-run of import policies over routes already received, where most come out as
   * they went in (lib/neighbor/import-pipeline.ts).
   */
  changesOf(msg: UpdateMessage): UpdateMessage | undefined {
    if (msg.errorAction === 'treat-as-withdraw') return msg;
    const withdrawn: NlriList[] = [];
    for (const list of msg.withdrawn) {
      const held = this.indicesWhere(list, (table, fk, key, numeric, i) => (numeric >= 0 ? table!.get(numeric) !== undefined : !!this.tables.get(fk)?.has(this.heldKeyOf(list, fk, key, i))));
      if (held.length) withdrawn.push(held.length === nlriCount(list) ? list : pickRoutes(list, held, held.length, false));
    }
    const announced: Announced[] = [];
    for (const list of msg.announced) {
      const id = this.intern(msg.attributes, list.nextHop);
      const entry = this.entryList[id];
      const changed = this.indicesWhere(list, (table, fk, key, numeric) => (numeric >= 0 ? table!.get(numeric) !== id : this.tables.get(fk)?.get(key) !== entry));
      if (changed.length) announced.push(changed.length === nlriCount(list) ? list : pickRoutes(list, changed, changed.length, true));
    }
    if (!withdrawn.length && !announced.length) return undefined;
    return { ...msg, withdrawn, announced };
  }

  /**
   * Indices of the routes of `list` for which `test(numeric table, familyKey, text key, numeric key or -1)`
   * holds; the numeric table is undefined when nothing of the family is held by number yet.
   */
  private indicesWhere(list: NlriList, test: (table: Ipv4PrefixTable | undefined, fk: number, key: string, numeric: number, i: number) => boolean): number[] {
    const fk = familyKey(list.afi, list.safi);
    const out: number[] = [];
    const family = list.pathIds ? undefined : numericFamily(list.afi, list.safi);
    if (family) {
      const table = this.numeric.get(fk)?.table ?? EMPTY_TABLE;
      const keys = family.ribKeys(list) as ArrayLike<number>;
      for (let i = 0; i < keys.length; i++) if (test(table, fk, keys[i] >= 0 ? '' : list.prefixes[i], keys[i], i)) out.push(i);
      return out;
    }
    const n = nlriCount(list);
    for (let i = 0; i < n; i++) if (test(undefined, fk, textKey(list.prefixes[i], list.pathIds?.[i]), -1, i)) out.push(i);
    return out;
  }

  /** The text key held for NLRI i of a withdrawn list: by the family's received key when it has one. */
  private heldKeyOf(list: NlriList, fk: number, key: string, i: number): string {
    const held = this.heldKeys.get(fk);
    if (!held) return key;
    const family = FAMILY_REGISTRY.get(list.afi, list.safi)!;
    return held.get(textKey(family.receivedKey!(family.nlriAt(list, i)), list.pathIds?.[i])) ?? key;
  }

  /**
   * Everything held as UPDATE-shaped batches, one per attribute set and family (numeric keys
   * sorted, in the family's compact list form): what import policies run over again when they
   * change (lib/neighbor/import-pipeline.ts).
   */
  *batches(): IterableIterator<UpdateMessage> {
    for (const [fk, { family, table }] of this.numeric) {
      const bySet = PrefixesBySet.build(this.entryList.length, (visit) => table.forEach(visit));
      for (let id = 0; id < this.entryList.length; id++) {
        const keys = bySet.of(id);
        if (keys.length === 0) continue;
        const entry = this.entryList[id];
        const list = family.listOfKeys({ afi: fk >> 8, safi: fk & 255, nextHop: entry.nextHop }, Array.from(keys)) as Announced;
        yield { type: 'update', withdrawn: [], attributes: entry.attributes, announced: [list] };
      }
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
    const family = pathIds ? undefined : numericFamily(list.afi, list.safi);
    if (family) {
      const numeric = this.numeric.get(fk)?.table ?? EMPTY_TABLE;
      const keys = family.ribKeys(list) as ArrayLike<number>;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key < 0) {
          if (table?.delete(list.prefixes[i])) n++;
        } else if (numeric.delete(key) !== undefined) n++;
      }
      return n;
    }
    if (!table) return 0;
    const prefixes = list.prefixes;
    const held = this.heldKeys.get(fk);
    if (held) {
      const family = FAMILY_REGISTRY.get(list.afi, list.safi)!;
      for (let i = 0; i < prefixes.length; i++) {
        const same = textKey(family.receivedKey!(family.nlriAt(list, i)), pathIds?.[i]);
        const key = held.get(same);
        if (key !== undefined && held.delete(same) && table.delete(key)) n++;
      }
      return n;
    }
    for (let i = 0; i < prefixes.length; i++) if (table.delete(textKey(prefixes[i], pathIds?.[i]))) n++;
    return n;
  }

  /** The numeric table of a family that keys by number (made on first use), else undefined. */
  private numericTable(fk: number, afi: number, safi: number): NumericTable | undefined {
    const known = this.numeric.get(fk);
    if (known) return known;
    const family = numericFamily(afi, safi);
    if (!family) return undefined;
    const made = { family, table: new Ipv4PrefixTable() };
    this.numeric.set(fk, made);
    return made;
  }

  private heldKeyTable(fk: number): Map<string, string> {
    let t = this.heldKeys.get(fk);
    if (!t) this.heldKeys.set(fk, (t = new Map()));
    return t;
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

/** What indicesWhere tests against for a family nothing of which is held by number yet. */
const EMPTY_TABLE = new Ipv4PrefixTable();

function textKey(prefix: string, pathId: number | undefined): string {
  return pathId === undefined ? prefix : `${prefix}#${pathId}`;
}
