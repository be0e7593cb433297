/**
 * Adj-RIB-In (RFC 4271 §3.2): the routes one peer advertised to us, after RFC 7606 handling.
 * Keyed per family by prefix text (plus path id under ADD-PATH); identical attribute sets are
 * interned so a full table holds one object per distinct set, not per prefix.
 */
import type { PathAttributes, UpdateMessage } from '../wire/types';
import { familyKey } from '../wire/types';
import { attributeKey } from './attribute-key';

export interface RibEntry {
  readonly attributes: PathAttributes;
  readonly nextHop: readonly string[];
}

/** What one UPDATE changed, in counts (for logs and metrics). */
export interface RibDelta {
  readonly announced: number;
  readonly withdrawn: number;
}

export class AdjRibIn {
  /** familyKey -> (prefix or "prefix#pathId") -> interned entry. */
  private readonly tables = new Map<number, Map<string, RibEntry>>();
  private readonly interned = new Map<string, RibEntry>();

  get size(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.size;
    return n;
  }

  /** Number of distinct attribute sets currently interned. */
  get attributeSets(): number {
    return this.interned.size;
  }

  familySize(afi: number, safi: number): number {
    return this.tables.get(familyKey(afi, safi))?.size ?? 0;
  }

  get(afi: number, safi: number, prefix: string, pathId?: number): RibEntry | undefined {
    return this.tables.get(familyKey(afi, safi))?.get(pathId === undefined ? prefix : `${prefix}#${pathId}`);
  }

  /** Applies an UPDATE; RFC 7606 treat-as-withdraw turns its announcements into withdrawals. */
  apply(msg: UpdateMessage): RibDelta {
    let announced = 0;
    let withdrawn = 0;
    for (const list of msg.withdrawn) {
      const table = this.tables.get(familyKey(list.afi, list.safi));
      if (!table) continue;
      for (let i = 0; i < list.prefixes.length; i++) {
        if (table.delete(key(list.prefixes[i], list.pathIds?.[i]))) withdrawn++;
      }
    }
    const asWithdraw = msg.errorAction === 'treat-as-withdraw';
    for (const ann of msg.announced) {
      const fk = familyKey(ann.afi, ann.safi);
      let table = this.tables.get(fk);
      if (asWithdraw) {
        if (!table) continue;
        for (let i = 0; i < ann.prefixes.length; i++) if (table.delete(key(ann.prefixes[i], ann.pathIds?.[i]))) withdrawn++;
        continue;
      }
      if (!table) this.tables.set(fk, (table = new Map()));
      const entry = this.intern(msg.attributes, ann.nextHop);
      for (let i = 0; i < ann.prefixes.length; i++) table.set(key(ann.prefixes[i], ann.pathIds?.[i]), entry);
      announced += ann.prefixes.length;
    }
    return { announced, withdrawn };
  }

  /** Drops everything (the session went down, RFC 4271 §8.2.2: routes of the peer are removed). */
  clear(): void {
    this.tables.clear();
    this.interned.clear();
  }

  /** Iterates entries of every family as [familyKey, prefixKey, entry]. */
  *entries(): IterableIterator<[number, string, RibEntry]> {
    for (const [fk, table] of this.tables) for (const [k, e] of table) yield [fk, k, e];
  }

  private intern(attributes: PathAttributes, nextHop: readonly string[]): RibEntry {
    const k = attributeKey(attributes, nextHop);
    let e = this.interned.get(k);
    if (!e) this.interned.set(k, (e = { attributes, nextHop }));
    return e;
  }
}

function key(prefix: string, pathId: number | undefined): string {
  return pathId === undefined ? prefix : `${prefix}#${pathId}`;
}
