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
}

export class AdjRibOut {
  private groupsByKey = new Map<string, Group>();
  /** familyKey|prefix#pathId -> group key. */
  private index = new Map<string, string>();
  private sets: Array<{ key: string; set: OutRouteSet }> = [];

  /** Number of routes held (route sets counted by their size). */
  get size(): number {
    return this.index.size + this.sets.reduce((n, s) => n + s.set.count, 0);
  }

  /** Replaces the content; returns the difference from the previous content. */
  load(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = []): RibOutChange {
    const nextGroups = new Map<string, Group>();
    const nextIndex = new Map<string, string>();
    for (const r of routes) {
      const gk = `${familyKey(r.afi, r.safi)}|${attributeKey(r.attributes, [r.nextHop])}`;
      let g = nextGroups.get(gk);
      if (!g) nextGroups.set(gk, (g = { afi: r.afi, safi: r.safi, nextHop: r.nextHop, attributes: r.attributes, members: new Map() }));
      const pk = r.pathId === undefined ? r.prefix : `${r.prefix}#${r.pathId}`;
      g.members.set(pk, r.pathId);
      nextIndex.set(`${familyKey(r.afi, r.safi)}|${pk}`, gk);
    }
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

function* groupsOfSet(set: OutRouteSet): IterableIterator<OutGroup> {
  for (const prefixes of expandPrefixRun(set)) {
    yield { afi: set.afi, safi: set.safi, nextHop: set.nextHop, attributes: set.attributes, prefixes };
  }
}

function toOutGroup(g: Group, prefixes: string[], pathIds: number[]): OutGroup {
  const anyPathId = [...g.members.values()].some((p) => p !== undefined);
  return { afi: g.afi, safi: g.safi, nextHop: g.nextHop, attributes: g.attributes, prefixes, ...(anyPathId ? { pathIds } : {}) };
}

function dropZeroPathIds(w: OutWithdraw): OutWithdraw {
  return w.pathIds && w.pathIds.some((p) => p !== 0) ? w : { afi: w.afi, safi: w.safi, prefixes: w.prefixes };
}

function stripPathId(pk: string): string {
  const i = pk.indexOf('#');
  return i === -1 ? pk : pk.slice(0, i);
}
