/**
 * Adj-RIB-Out (RFC 4271 §3.2): the routes we advertise to one peer, grouped by
 * (family, next hop, attributes) so each group is encoded once and packed with as many NLRI
 * as fit. load() replaces the content and returns what changed, so a config reload sends
 * only withdrawals and new announcements instead of resetting the session.
 */
import type { PathAttributes } from '../wire/types';
import { familyKey } from '../wire/types';
import { attributeKey } from './attribute-key';
import { expandPrefixRun } from './route-set';

/** One configured route (structurally the config's RouteConfig). */
export interface OutRoute {
  readonly afi: number;
  readonly safi: number;
  readonly prefix: string;
  readonly pathId?: number;
  /** 'self' is resolved to the session's local address when sending. */
  readonly nextHop: string;
  readonly attributes: PathAttributes;
}

/** A generated run of prefixes sharing attributes (structurally the config's RouteSetConfig). */
export interface OutRouteSet {
  readonly afi: number;
  readonly safi: number;
  readonly from: string;
  readonly length: number;
  readonly count: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
}

/** Prefixes of one family that share next hop and attributes. */
export interface OutGroup {
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

/** Prefixes of one family to withdraw. */
export interface OutWithdraw {
  readonly afi: number;
  readonly safi: number;
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

export interface RibOutChange {
  readonly withdraw: OutWithdraw[];
  readonly announce: OutGroup[];
}

interface Group {
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  /** prefix key -> path id (undefined without ADD-PATH). */
  readonly members: Map<string, number | undefined>;
  /** Some member carries a path id (kept so sends need not scan the members). */
  hasPathIds: boolean;
}

export class AdjRibOut {
  private groupsByKey = new Map<string, Group>();
  /** familyKey|prefix#pathId -> group key. */
  private index = new Map<string, string>();
  private sets: Array<{ key: string; set: OutRouteSet }> = [];
  /** The config's routes by index key (what an API withdrawal falls back to). */
  private configRoutes = new Map<string, OutRoute>();
  /** Routes announced through the API (process helpers, control socket): they survive config reloads. */
  private readonly apiRoutes = new Map<string, OutRoute>();

  /** Number of routes held (route sets counted by their size). */
  get size(): number {
    return this.index.size + this.sets.reduce((n, s) => n + s.set.count, 0);
  }

  /** Replaces the content; returns the difference from the previous content. */
  load(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = []): RibOutChange {
    const nextGroups = new Map<string, Group>();
    const nextIndex = new Map<string, string>();
    this.configRoutes = new Map(routes.map((r) => [indexKey(r), r]));
    // API routes win over config routes for the same prefix (the later announcement).
    for (const r of [...routes, ...this.apiRoutes.values()]) place(r, nextGroups, nextIndex);
    const nextSets = routeSets.map((set) => ({ key: attributeKey(set.attributes, [set.nextHop, set.from, String(set.length), String(set.count), String(familyKey(set.afi, set.safi))]), set }));

    const withdraw = new Map<number, OutWithdraw>();
    const addWithdraw = (afi: number, safi: number, prefix: string, pathId: number | undefined) => {
      const fk = familyKey(afi, safi);
      let w = withdraw.get(fk);
      if (!w) withdraw.set(fk, (w = { afi, safi, prefixes: [], pathIds: [] }));
      w.prefixes.push(prefix);
      w.pathIds!.push(pathId ?? 0);
    };
    for (const [ik, gk] of this.index) {
      if (nextIndex.has(ik)) continue;
      const g = this.groupsByKey.get(gk)!;
      const pk = ik.slice(ik.indexOf('|') + 1);
      addWithdraw(g.afi, g.safi, stripPathId(pk), g.members.get(pk));
    }
    const keptSets = new Set(nextSets.map((s) => s.key));
    const oldSets = new Set(this.sets.map((s) => s.key));
    for (const { key, set } of this.sets) {
      if (keptSets.has(key)) continue;
      for (const chunk of expandPrefixRun(set)) for (const p of chunk) if (!nextIndex.has(`${familyKey(set.afi, set.safi)}|${p}`)) addWithdraw(set.afi, set.safi, p, undefined);
    }

    const announce: OutGroup[] = [];
    for (const [gk, g] of nextGroups) {
      const prefixes: string[] = [];
      const pathIds: number[] = [];
      for (const [pk, pathId] of g.members) {
        if (this.index.get(`${familyKey(g.afi, g.safi)}|${pk}`) === gk) continue; // unchanged
        prefixes.push(stripPathId(pk));
        pathIds.push(pathId ?? 0);
      }
      if (prefixes.length) announce.push(toOutGroup(g, prefixes, pathIds));
    }
    for (const { key, set } of nextSets) if (!oldSets.has(key)) for (const g of groupsOfSet(set)) announce.push(g);

    this.groupsByKey = nextGroups;
    this.index = nextIndex;
    this.sets = nextSets;
    return { withdraw: [...withdraw.values()].map(dropZeroPathIds), announce };
  }

  /** Announces routes through the API: only routes that are new or changed come back to be sent. */
  upsert(routes: readonly OutRoute[]): RibOutChange {
    const changed = new Map<string, { group: Group; prefixes: string[]; pathIds: number[] }>();
    for (const r of routes) {
      const ik = indexKey(r);
      this.apiRoutes.set(ik, r);
      const gk = place(r, this.groupsByKey, this.index);
      if (gk === undefined) continue; // already announced with these attributes
      let c = changed.get(gk);
      if (!c) changed.set(gk, (c = { group: this.groupsByKey.get(gk)!, prefixes: [], pathIds: [] }));
      c.prefixes.push(r.prefix);
      c.pathIds.push(r.pathId ?? 0);
    }
    return { withdraw: [], announce: [...changed.values()].map((c) => toOutGroup(c.group, c.prefixes, c.pathIds)) };
  }

  /**
   * Withdraws routes through the API. A prefix the config also announces goes back to the config's
   * version (announced again) rather than being withdrawn.
   */
  remove(routes: ReadonlyArray<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId'>>): RibOutChange {
    const fallback: OutRoute[] = [];
    const withdraw = new Map<number, OutWithdraw>();
    for (const r of routes) {
      const ik = indexKey(r);
      this.apiRoutes.delete(ik);
      const config = this.configRoutes.get(ik);
      if (config) {
        fallback.push(config);
        continue;
      }
      if (!unplace(ik, this.groupsByKey, this.index)) continue;
      const fk = familyKey(r.afi, r.safi);
      let w = withdraw.get(fk);
      if (!w) withdraw.set(fk, (w = { afi: r.afi, safi: r.safi, prefixes: [], pathIds: [] }));
      w.prefixes.push(r.prefix);
      w.pathIds!.push(r.pathId ?? 0);
    }
    const back = fallback.length ? this.upsertConfig(fallback) : [];
    return { withdraw: [...withdraw.values()].map(dropZeroPathIds), announce: back };
  }

  /** Drops every API route (ExaBGP `clear adj-rib out`), falling back to the config's routes. */
  clearApi(): RibOutChange {
    return this.remove([...this.apiRoutes.values()]);
  }

  /** Number of routes announced through the API. */
  get apiSize(): number {
    return this.apiRoutes.size;
  }

  private upsertConfig(routes: readonly OutRoute[]): OutGroup[] {
    const changed = new Map<string, string[]>();
    for (const r of routes) {
      const gk = place(r, this.groupsByKey, this.index);
      if (gk !== undefined) (changed.get(gk) ?? changed.set(gk, []).get(gk)!).push(r.prefix);
    }
    return [...changed].map(([gk, prefixes]) => toOutGroup(this.groupsByKey.get(gk)!, prefixes, prefixes.map(() => 0)));
  }

  /** True when some route's next hop is "self" (resolved per session). */
  usesSelfNextHop(): boolean {
    for (const g of this.groupsByKey.values()) if (g.nextHop === 'self') return true;
    return this.sets.some((s) => s.set.nextHop === 'self');
  }

  /** Everything held, group by group (route sets expanded lazily in chunks). */
  *groups(): IterableIterator<OutGroup> {
    for (const g of this.groupsByKey.values()) {
      const prefixes: string[] = [];
      const pathIds: number[] = [];
      for (const [pk, pathId] of g.members) {
        prefixes.push(stripPathId(pk));
        pathIds.push(pathId ?? 0);
      }
      yield toOutGroup(g, prefixes, pathIds);
    }
    for (const { set } of this.sets) yield* groupsOfSet(set);
  }
}

/** "familyKey|prefix" or "familyKey|prefix#pathId". */
function indexKey(r: Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId'>): string {
  return `${familyKey(r.afi, r.safi)}|${r.pathId === undefined ? r.prefix : `${r.prefix}#${r.pathId}`}`;
}

/**
 * Puts a route in the group of its attributes, moving it out of another group if it was there.
 * Returns the group key, or undefined when the route was already there unchanged.
 */
function place(r: OutRoute, groups: Map<string, Group>, index: Map<string, string>): string | undefined {
  const gk = `${familyKey(r.afi, r.safi)}|${attributeKey(r.attributes, [r.nextHop])}`;
  const ik = indexKey(r);
  const before = index.get(ik);
  if (before === gk) return undefined;
  if (before !== undefined) unplace(ik, groups, index);
  let g = groups.get(gk);
  if (!g) groups.set(gk, (g = { afi: r.afi, safi: r.safi, nextHop: r.nextHop, attributes: r.attributes, members: new Map(), hasPathIds: false }));
  g.members.set(ik.slice(ik.indexOf('|') + 1), r.pathId);
  if (r.pathId !== undefined) g.hasPathIds = true;
  index.set(ik, gk);
  return gk;
}

/** Removes a route from its group; false when it was not there. */
function unplace(ik: string, groups: Map<string, Group>, index: Map<string, string>): boolean {
  const gk = index.get(ik);
  if (gk === undefined) return false;
  index.delete(ik);
  const g = groups.get(gk)!;
  g.members.delete(ik.slice(ik.indexOf('|') + 1));
  if (g.members.size === 0) groups.delete(gk);
  return true;
}

function* groupsOfSet(set: OutRouteSet): IterableIterator<OutGroup> {
  for (const prefixes of expandPrefixRun(set)) {
    yield { afi: set.afi, safi: set.safi, nextHop: set.nextHop, attributes: set.attributes, prefixes };
  }
}

function toOutGroup(g: Group, prefixes: string[], pathIds: number[]): OutGroup {
  return { afi: g.afi, safi: g.safi, nextHop: g.nextHop, attributes: g.attributes, prefixes, ...(g.hasPathIds ? { pathIds } : {}) };
}

function dropZeroPathIds(w: OutWithdraw): OutWithdraw {
  return w.pathIds && w.pathIds.some((p) => p !== 0) ? w : { afi: w.afi, safi: w.safi, prefixes: w.prefixes };
}

function stripPathId(pk: string): string {
  const i = pk.indexOf('#');
  return i === -1 ? pk : pk.slice(0, i);
}
