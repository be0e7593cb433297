/**
 * Interned attribute sets of an Adj-RIB-Out: (family, next hop, path attributes) -> a small integer,
 * counted by the routes pointing at it and forgotten when none does. Routes store the integer
 * (typed arrays can hold it), groups for sending are built per set, and a set's attributes are
 * completed and encoded once per send however many prefixes share it.
 */
import type { PathAttributes } from '../wire/types';
import { familyKey } from '../wire/types';
import { attributeKey } from './attribute-key';

export interface AttributeSet {
  readonly id: number;
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  /** Where the set is indexed: the field key, or the family and next hop its bytes key is filed under. */
  readonly key: string;
  readonly bytesKey?: string;
  /** Routes (in either layer) pointing at the set. */
  refs: number;
}

export interface SetSource {
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  /**
   * The bytes the attributes were read from, as a latin1 string, when the source has them (an MRT
   * dump's RIB entries, lib/mrt): sets are then told apart by family, next hop and these bytes, one
   * flat string each, instead of by a key built from every decoded field (attribute-key.ts), which
   * for a full table's few hundred thousand sets costs several times the memory.
   */
  readonly bytesKey?: string;
}

export class AttributeSets {
  private readonly byKey = new Map<string, AttributeSet>();
  /** Sets with a bytes key: "family|next hop" -> bytes key -> set. */
  private readonly byBytes = new Map<string, Map<string, AttributeSet>>();
  private readonly byId = new Map<number, AttributeSet>();
  /** The set each attributes object was last found in (byFields). */
  private readonly byObject = new WeakMap<PathAttributes, AttributeSet>();
  private nextId = 0;
  /** The last source seen: `announce attributes … nlri` and route sets share one attributes object. */
  private last: { source: SetSource; set: AttributeSet } | undefined;

  get size(): number {
    return this.byId.size;
  }

  /** Every id given out so far is below this (ids are never reused). */
  get idLimit(): number {
    return this.nextId;
  }

  /** The set of a route, created when new; counts one more route pointing at it. */
  acquire(r: SetSource): number {
    const last = this.last;
    // (A source with bytes may decode its attributes on each read: not compared here.)
    if (last && r.bytesKey === undefined && last.source.attributes === r.attributes && last.source.nextHop === r.nextHop && last.source.afi === r.afi && last.source.safi === r.safi) {
      last.set.refs++;
      return last.set.id;
    }
    const set = r.bytesKey === undefined ? this.byFields(r) : this.byBytesKey(r, r.bytesKey);
    set.refs++;
    this.last = { source: r, set };
    return set.id;
  }

  /** `n` more routes point at a set already acquired. */
  addRefs(id: number, n: number): void {
    this.get(id).refs += n;
  }

  /** One route fewer points at the set; the set is forgotten at zero. */
  release(id: number): void {
    const set = this.byId.get(id);
    if (!set) throw new Error(`attribute set ${id} released more often than acquired`);
    if (--set.refs > 0) return;
    this.byId.delete(id);
    if (set.bytesKey === undefined) this.byKey.delete(set.key);
    else {
      const sets = this.byBytes.get(set.key);
      sets?.delete(set.bytesKey);
      if (sets?.size === 0) this.byBytes.delete(set.key);
    }
    if (this.last?.set === set) this.last = undefined;
  }

  /** The set, or undefined once no route points at it. */
  find(id: number): AttributeSet | undefined {
    return this.byId.get(id);
  }

  get(id: number): AttributeSet {
    const set = this.byId.get(id);
    if (!set) throw new Error(`no attribute set ${id}`);
    return set;
  }

  some(predicate: (set: AttributeSet) => boolean): boolean {
    for (const set of this.byId.values()) if (predicate(set)) return true;
    return false;
  }

  private byFields(r: SetSource): AttributeSet {
    // A helper's rules share a few attribute objects (one per FlowSpec action set) in turn: the set
    // an object had last is found without building its key, when family and next hop match and the
    // set is still held.
    const seen = this.byObject.get(r.attributes);
    if (seen && seen.afi === r.afi && seen.safi === r.safi && seen.nextHop === r.nextHop && this.byId.get(seen.id) === seen) return seen;
    const set = this.byFieldKey(r);
    this.byObject.set(r.attributes, set);
    return set;
  }

  private byFieldKey(r: SetSource): AttributeSet {
    const key = `${familyKey(r.afi, r.safi)}|${attributeKey(r.attributes, [r.nextHop])}`;
    let set = this.byKey.get(key);
    if (!set) {
      set = { id: this.nextId++, afi: r.afi, safi: r.safi, nextHop: r.nextHop, attributes: r.attributes, key, refs: 0 };
      this.byKey.set(key, set);
      this.byId.set(set.id, set);
    }
    return set;
  }

  private byBytesKey(r: SetSource, bytesKey: string): AttributeSet {
    const key = `${familyKey(r.afi, r.safi)}|${r.nextHop}`;
    let sets = this.byBytes.get(key);
    if (!sets) this.byBytes.set(key, (sets = new Map()));
    let set = sets.get(bytesKey);
    if (!set) {
      set = new SetOfSource(this.nextId++, r, key, bytesKey);
      sets.set(bytesKey, set);
      this.byId.set(set.id, set);
    }
    return set;
  }
}

/**
 * A set read with its bytes keeps its source and reads the attributes from it when asked: an MRT
 * dump's sets decode them from the bytes each time (lib/mrt/table-dump-v2.ts), so a full table's
 * few hundred thousand decoded objects are never all alive at once.
 */
class SetOfSource implements AttributeSet {
  refs = 0;

  constructor(
    readonly id: number,
    private readonly source: SetSource,
    readonly key: string,
    readonly bytesKey: string,
  ) {}

  get afi(): number {
    return this.source.afi;
  }

  get safi(): number {
    return this.source.safi;
  }

  get nextHop(): string {
    return this.source.nextHop;
  }

  get attributes(): PathAttributes {
    return this.source.attributes;
  }
}
