/**
 * Adj-RIB-Out (RFC 4271 §3.2): the routes we advertise to one peer, in two layers: the config's
 * routes and the routes announced through the API (helpers, control socket), which win over the
 * config's for the same prefix and survive config reloads. Every route points at an interned
 * attribute set (family, next hop, attributes), so a group is encoded once and packed with as many
 * NLRI as fit. IPv4 unicast routes are keyed by packed prefix in typed-array tables (no object or
 * string per route: a helper announcing a full table stores 1 M numbers, DESIGN.md); other
 * families and ADD-PATH routes by their own text, in one map per family (text-routes.ts).
 *
 * load() replaces the config layer and returns what changed, so a reload sends only withdrawals
 * and new announcements instead of resetting the session.
 */
import type { PathAttributes } from '../wire/types';
import { familyKey } from '../wire/types';
import { FAMILY_REGISTRY } from '../families';
import { Afi, Safi } from '../wire/iana';
import { ipFamily } from '../wire/address';
import { parseIpv4PrefixPacked } from '../wire/nlri/ipv4-prefix';
import { attachPackedIpv4, formatIpv4Packed, nlriCount } from '../wire/nlri/packed-ipv4';
import { attributeKey } from './attribute-key';
import { AttributeSets, type AttributeSet, type SetSource } from './attribute-sets';
import { Ipv4PrefixTable } from './ipv4-prefix-table';
import { PrefixesBySet } from './prefixes-by-set';
import { TextRoutes } from './text-routes';
import { expandIpv4RunPacked, expandPrefixRun } from './route-set';
import type { RouteTable, TableSet } from './route-table';

/** One configured route (structurally the config's RouteConfig). */
export interface OutRoute {
  readonly afi: number;
  readonly safi: number;
  readonly prefix: string;
  /** IPv4 unicast: the prefix packed (address * 64 + length) when the caller has it already. */
  readonly packed?: number;
  readonly pathId?: number;
  /** The family's value of the NLRI when the caller has it (a parsed FlowSpec rule): groups carry it to the encoder. */
  readonly nlri?: unknown;
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

/**
 * Prefixes of one family that share next hop and attributes. IPv4 unicast groups hold their
 * prefixes packed (nlri/packed-ipv4.ts): `prefixes` is made on first read; count with nlriCount.
 */
export interface OutGroup {
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

/** Prefixes of one family to withdraw (IPv4 unicast packed, as in OutGroup). */
export interface OutWithdraw {
  readonly afi: number;
  readonly safi: number;
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

/** Routes loaded from an MRT dump (lib/mrt), with the next hop to announce them with when given. */
export interface OutTable {
  readonly table: RouteTable;
  /** Replaces the next hop: "self" for every route, an address for the routes of its family. */
  readonly nextHop?: string;
}

export interface RibOutChange {
  readonly withdraw: OutWithdraw[];
  readonly announce: OutGroup[];
}

const IPV4_UNICAST = familyKey(Afi.IPV4, Safi.UNICAST);

/** A route that is not a packed IPv4 unicast prefix, with the set it points at. */
interface TextRoute {
  readonly set: number;
  readonly route: Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'nlri'>;
}

/** The routes of one origin (config or API). */
class Layer {
  /** IPv4 unicast without path id: packed prefix -> attribute set id. */
  readonly v4 = new Ipv4PrefixTable();
  /** Everything else: (family, text key) -> route. */
  readonly other = new TextRoutes<TextRoute>();

  get size(): number {
    return this.v4.size + this.other.size;
  }
}

/** Where a route lives in a Layer: a packed IPv4 prefix, or its family and a text key. */
type RouteKey = { readonly packed: number; readonly text?: undefined } | { readonly packed: -1; readonly fk: number; readonly text: string };

function keyOf(r: Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'packed' | 'nlri'>): RouteKey {
  const fk = familyKey(r.afi, r.safi);
  if (fk === IPV4_UNICAST && r.pathId === undefined) {
    const packed = r.packed ?? parseIpv4PrefixPacked(r.prefix);
    if (packed >= 0) return { packed };
  }
  // The family's key when it has one (FlowSpec: the rule's octets), else the route's text as it is
  // (each family has its own map): no new string per route.
  const family = FAMILY_REGISTRY.get(r.afi, r.safi);
  const key = family?.routeKey ? family.routeKey(r) : r.prefix;
  if (r.pathId === undefined) return { packed: -1, fk, text: key };
  return { packed: -1, fk, text: [key, '#', r.pathId].join('') };
}

/** Collects changed routes per attribute set, then turns them into groups. */
class GroupBuilder {
  private readonly packed = new Map<number, number[]>();
  private readonly text = new Map<number, Array<TextRoute['route']>>();

  addPacked(set: number, prefix: number): void {
    const list = this.packed.get(set);
    if (list) list.push(prefix);
    else this.packed.set(set, [prefix]);
  }

  addText(set: number, route: TextRoute['route']): void {
    const list = this.text.get(set);
    if (list) list.push(route);
    else this.text.set(set, [route]);
  }

  /**
   * Groups in attribute-set order (the order sets were first seen), prefixes in the order added.
   * With `current`, a route is kept only in the group of the set it points at now: a prefix
   * announced twice in one batch with different attributes is sent once, with the last ones.
   */
  groups(sets: AttributeSets, current?: { packed(set: number, prefix: number): boolean; text(set: number, route: TextRoute['route']): boolean }): OutGroup[] {
    const ids = [...new Set([...this.packed.keys(), ...this.text.keys()])].sort((a, b) => a - b);
    const out: OutGroup[] = [];
    for (const id of ids) {
      const s = sets.get(id);
      let packed = this.packed.get(id);
      if (packed && current) packed = packed.filter((p) => current.packed(id, p));
      if (packed?.length) {
        out.push(attachPackedIpv4({ afi: s.afi, safi: s.safi, nextHop: s.nextHop, attributes: s.attributes }, packed));
      }
      let text = this.text.get(id);
      if (text && current) text = text.filter((r) => current.text(id, r));
      if (text?.length) out.push(textGroup(s, text));
    }
    return out;
  }
}

function textGroup(s: AttributeSet, routes: ReadonlyArray<TextRoute['route']>): OutGroup {
  const head = { afi: s.afi, safi: s.safi, nextHop: s.nextHop, attributes: s.attributes };
  return withNlri(routes.some((r) => r.pathId !== undefined) ? { ...head, pathIds: routes.map((r) => r.pathId ?? 0) } : head, routes);
}

/**
 * The head with its routes as NLRI: the values the routes brought when every route has one and
 * the family takes them (FamilyDescriptor.attachNlri: no text made until read), else their texts.
 */
function withNlri<T extends { readonly afi: number; readonly safi: number }>(head: T, routes: ReadonlyArray<TextRoute['route']>): T & { prefixes: string[] } {
  if (routes.length > 0 && routes[0].nlri !== undefined) {
    const family = FAMILY_REGISTRY.get(head.afi, head.safi);
    if (family?.attachNlri && routes.every((r) => r.nlri !== undefined)) return family.attachNlri(head, routes.map((r) => r.nlri)) as T & { prefixes: string[] };
  }
  return Object.assign(head, { prefixes: routes.map((r) => r.prefix) });
}

/** Collects withdrawals per family. */
class WithdrawBuilder {
  private readonly packed: number[] = [];
  private readonly text = new Map<number, Array<TextRoute['route']>>();

  addPacked(prefix: number): void {
    this.packed.push(prefix);
  }

  addText(route: TextRoute['route']): void {
    const fk = familyKey(route.afi, route.safi);
    const list = this.text.get(fk);
    if (list) list.push(route);
    else this.text.set(fk, [route]);
  }

  lists(): OutWithdraw[] {
    const out: OutWithdraw[] = [];
    if (this.packed.length) out.push(attachPackedIpv4({ afi: Afi.IPV4, safi: Safi.UNICAST }, this.packed));
    for (const routes of this.text.values()) {
      const { afi, safi } = routes[0];
      out.push(withNlri(routes.some((r) => r.pathId !== undefined) ? { afi, safi, pathIds: routes.map((r) => r.pathId ?? 0) } : { afi, safi }, routes));
    }
    return out;
  }
}

export class AdjRibOut {
  private readonly sets = new AttributeSets();
  private config = new Layer();
  private readonly api = new Layer();
  private routeSets: Array<{ key: string; set: OutRouteSet }> = [];

  /** Number of routes held (route sets counted by their size; a prefix in both layers once). */
  get size(): number {
    let n = this.config.size;
    for (const [packed] of this.api.v4.entries()) if (this.config.v4.get(packed) === undefined) n++;
    for (const [fk, k] of this.api.other.entries()) if (!this.config.other.has(fk, k)) n++;
    return n + this.routeSets.reduce((sum, s) => sum + s.set.count, 0);
  }

  /** Number of routes held of these families (familyKey numbers): what a session that negotiated them advertises. */
  sizeIn(families: ReadonlySet<number>): number {
    const { config, api } = this;
    let n = 0;
    if (families.has(IPV4_UNICAST)) {
      n += config.v4.size;
      for (const [packed] of api.v4.entries()) if (config.v4.get(packed) === undefined) n++;
    }
    const wanted = (e: TextRoute) => families.has(familyKey(e.route.afi, e.route.safi));
    for (const e of config.other.values()) if (wanted(e)) n++;
    for (const [fk, k, e] of api.other.entries()) if (!config.other.has(fk, k) && wanted(e)) n++;
    for (const { set } of this.routeSets) if (families.has(familyKey(set.afi, set.safi))) n += set.count;
    return n;
  }

  /** Distinct (family, next hop, attributes) sets in use. */
  get attributeSetCount(): number {
    return this.sets.size;
  }

  /** Number of routes announced through the API. */
  get apiSize(): number {
    return this.api.size;
  }

  /**
   * Replaces the config's routes; returns the difference from the previous content. Routes loaded
   * from dumps (`tables`) go in first, so a route of the config's own list wins for the same prefix.
   */
  load(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = [], tables: readonly OutTable[] = []): RibOutChange {
    const before = this.config;
    const next = this.layerOf(routes, tables);
    const announce = new GroupBuilder();
    const withdraw = new WithdrawBuilder();
    // Only prefixes the API does not override are visible from the config layer.
    for (const [packed, set] of before.v4.entries()) {
      if (this.api.v4.get(packed) === undefined && next.v4.get(packed) === undefined) withdraw.addPacked(packed);
    }
    for (const [fk, k, e] of before.other.entries()) if (!this.api.other.has(fk, k) && !next.other.has(fk, k)) withdraw.addText(e.route);
    for (const [packed, set] of next.v4.entries()) {
      if (this.api.v4.get(packed) === undefined && before.v4.get(packed) !== set) announce.addPacked(set, packed);
    }
    for (const [fk, k, e] of next.other.entries()) {
      if (this.api.other.has(fk, k)) continue;
      const held = before.other.get(fk, k);
      // As in upsert(): a family whose key leaves part of its NLRI out (labels) sends a new NLRI under the same key.
      if (held?.set !== e.set || (FAMILY_REGISTRY.get(e.route.afi, e.route.safi)?.receivedKey !== undefined && held.route.prefix !== e.route.prefix)) announce.addText(e.set, e.route);
    }

    const nextSets = routeSets.map((set) => ({ key: routeSetKey(set), set }));
    const keptSets = new Set(nextSets.map((s) => s.key));
    const oldSets = new Set(this.routeSets.map((s) => s.key));
    for (const { key, set } of this.routeSets) {
      if (keptSets.has(key)) continue;
      for (const chunk of expandPrefixRun(set)) {
        for (const prefix of chunk) {
          const k = keyOf({ afi: set.afi, safi: set.safi, prefix });
          if (k.text === undefined) {
            if (this.api.v4.get(k.packed) === undefined && next.v4.get(k.packed) === undefined) withdraw.addPacked(k.packed);
          } else if (!this.api.other.has(k.fk, k.text) && !next.other.has(k.fk, k.text)) withdraw.addText({ afi: set.afi, safi: set.safi, prefix });
        }
      }
    }
    const groups = announce.groups(this.sets);
    for (const { key, set } of nextSets) if (!oldSets.has(key)) for (const g of groupsOfSet(set)) groups.push(g);

    this.config = next;
    this.releaseLayer(before);
    this.routeSets = nextSets;
    return { withdraw: withdraw.lists(), announce: groups };
  }

  /**
   * Replaces the config's routes without working out what changed: for a neighbor whose session
   * has not come up yet, which will be sent everything (groups()) once it does. Loading a full
   * table this way builds no change groups at all.
   */
  replaceConfig(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = [], tables: readonly OutTable[] = []): void {
    const before = this.config;
    this.config = this.layerOf(routes, tables);
    this.releaseLayer(before);
    this.routeSets = routeSets.map((set) => ({ key: routeSetKey(set), set }));
  }

  /** Announces routes through the API: only routes that are new or changed come back to be sent. */
  upsert(routes: readonly OutRoute[]): RibOutChange {
    const changed = new GroupBuilder();
    // Only a route replacing an API route with other attributes can leave a prefix in two groups.
    let replaced = false;
    for (const r of routes) {
      const set = this.sets.acquire(r);
      const k = keyOf(r);
      if (k.text === undefined) {
        const previous = this.api.v4.get(k.packed);
        this.api.v4.set(k.packed, set);
        if (previous !== undefined) {
          this.sets.release(previous);
          if (previous !== set) replaced = true;
        }
        if ((previous ?? this.config.v4.get(k.packed)) !== set) changed.addPacked(set, k.packed);
      } else {
        // One lookup of the API layer (a Map of 100,000 rules misses the cache on each).
        const api = this.api.other.get(k.fk, k.text);
        const before = api ?? this.config.other.get(k.fk, k.text);
        const previous = api?.set;
        this.api.other.set(k.fk, k.text, { set, route: r });
        if (previous !== undefined) {
          this.sets.release(previous);
          if (previous !== set) replaced = true;
        }
        // A family whose key leaves part of its NLRI out (FamilyDescriptor.receivedKey: labels, RFC
        // 8277 §2) may get a new NLRI under the same key: sent again then, as new attributes are.
        // (Other families' texts are not read here: a FlowSpec rule's is printed only when needed.)
        if (before?.set !== set || (FAMILY_REGISTRY.get(r.afi, r.safi)?.receivedKey !== undefined && before.route.prefix !== r.prefix)) changed.addText(set, r);
      }
    }
    const api = this.api;
    const current = {
      packed: (set: number, prefix: number) => api.v4.get(prefix) === set,
      text: (set: number, route: TextRoute['route']) => {
        const k = keyOf(route);
        return k.text !== undefined && api.other.get(k.fk, k.text)?.set === set;
      },
    };
    return { withdraw: [], announce: changed.groups(this.sets, replaced ? current : undefined) };
  }

  /**
   * Withdraws routes through the API. A prefix the config also announces goes back to the config's
   * version (announced again) rather than being withdrawn.
   */
  remove(routes: ReadonlyArray<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'packed'>>): RibOutChange {
    const back = new GroupBuilder();
    const withdraw = new WithdrawBuilder();
    for (const r of routes) {
      const k = keyOf(r);
      if (k.text === undefined) {
        const previous = this.api.v4.delete(k.packed);
        if (previous === undefined) continue;
        this.sets.release(previous);
        const config = this.config.v4.get(k.packed);
        if (config === undefined) withdraw.addPacked(k.packed);
        else if (config !== previous) back.addPacked(config, k.packed);
      } else {
        const previous = this.api.other.get(k.fk, k.text);
        if (previous === undefined) continue;
        this.api.other.delete(k.fk, k.text);
        this.sets.release(previous.set);
        const config = this.config.other.get(k.fk, k.text);
        if (config === undefined) withdraw.addText(previous.route);
        else if (config.set !== previous.set) back.addText(config.set, config.route);
      }
    }
    return { withdraw: withdraw.lists(), announce: back.groups(this.sets) };
  }

  /** Drops every API route (ExaBGP `clear adj-rib out`), falling back to the config's routes. */
  clearApi(): RibOutChange {
    const routes: Array<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'packed'>> = [];
    for (const [packed] of this.api.v4.entries()) routes.push({ afi: Afi.IPV4, safi: Safi.UNICAST, prefix: formatIpv4Packed(packed), packed });
    for (const e of this.api.other.values()) routes.push(e.route);
    return this.remove(routes);
  }

  /** True when some route's next hop is "self" (resolved per session). */
  usesSelfNextHop(): boolean {
    return this.sets.some((s) => s.nextHop === 'self') || this.routeSets.some((s) => s.set.nextHop === 'self');
  }

  /**
   * Everything held, group by group in attribute-set order, IPv4 prefixes sorted (route sets
   * expanded lazily in chunks). The routes are read when the first group is asked for; the groups
   * are made one at a time as the sender asks, so a full table never exists as 300 k group objects
   * at once. A set that lost all its routes while a send was under way is skipped: what replaced
   * those routes is queued as a change of its own.
   */
  *groups(): IterableIterator<OutGroup> {
    const { config, api } = this;
    const v4 = PrefixesBySet.build(this.sets.idLimit, (visit) => {
      config.v4.forEach((packed, set) => {
        if (api.v4.get(packed) === undefined) visit(packed, set);
      });
      api.v4.forEach(visit);
    });
    const text = new Map<number, Array<TextRoute['route']>>();
    const addText = (e: TextRoute) => {
      const list = text.get(e.set);
      if (list) list.push(e.route);
      else text.set(e.set, [e.route]);
    };
    for (const [fk, k, e] of config.other.entries()) if (!api.other.has(fk, k)) addText(e);
    for (const e of api.other.values()) addText(e);
    const setLimit = this.sets.idLimit;
    for (let id = 0; id < setLimit; id++) {
      const packed = v4.of(id);
      const routes = text.get(id);
      if (packed.length === 0 && !routes) continue;
      const s = this.sets.find(id);
      if (!s) continue;
      if (packed.length > 0) yield attachPackedIpv4({ afi: s.afi, safi: s.safi, nextHop: s.nextHop, attributes: s.attributes }, packed);
      if (routes) yield textGroup(s, routes);
    }
    for (const { set } of this.routeSets) yield* groupsOfSet(set);
  }

  /** A config layer: routes loaded from dumps first, so a route of the config's own list wins for the same prefix. */
  private layerOf(routes: readonly OutRoute[], tables: readonly OutTable[]): Layer {
    const layer = new Layer();
    for (const t of tables) this.putTable(layer, t);
    for (const r of routes) this.put(layer, r, this.sets.acquire(r));
    return layer;
  }

  /** Every route of a dump into the layer: each attribute set is interned once, however many prefixes share it. */
  private putTable(layer: Layer, t: OutTable): void {
    const { sets, v4Prefixes, v4Sets, other } = t.table;
    const uses = new Array<number>(sets.length).fill(0);
    for (const i of v4Sets) uses[i]++;
    for (const o of other) uses[o.set]++;
    const ids = sets.map((s, i) => {
      if (uses[i] === 0) return -1;
      const id = this.sets.acquire(replacesNextHop(t.nextHop, s.afi) ? withNextHop(s, t.nextHop!) : s);
      this.sets.addRefs(id, uses[i] - 1);
      return id;
    });
    for (let i = 0; i < v4Prefixes.length; i++) this.putPacked(layer, v4Prefixes[i], ids[v4Sets[i]]);
    for (const o of other) this.put(layer, o, ids[o.set]);
  }

  /** Points the route at `set` in the layer, releasing the set it pointed at before. */
  private put(layer: Layer, r: TextRoute['route'] & Pick<OutRoute, 'packed'>, set: number): void {
    const k = keyOf(r);
    if (k.text === undefined) this.putPacked(layer, k.packed, set);
    else {
      const previous = layer.other.get(k.fk, k.text);
      layer.other.set(k.fk, k.text, { set, route: r });
      if (previous !== undefined) this.sets.release(previous.set);
    }
  }

  private putPacked(layer: Layer, packed: number, set: number): void {
    const previous = layer.v4.get(packed);
    layer.v4.set(packed, set);
    if (previous !== undefined) this.sets.release(previous);
  }

  private releaseLayer(layer: Layer): void {
    for (const [, set] of layer.v4.entries()) this.sets.release(set);
    for (const e of layer.other.values()) this.sets.release(e.set);
  }
}

/** The set with another next hop; its attributes still read from it (a dump's set decodes them on each read). */
function withNextHop(s: TableSet, nextHop: string): SetSource {
  return {
    afi: s.afi,
    safi: s.safi,
    nextHop,
    bytesKey: s.bytesKey,
    get attributes() {
      return s.attributes;
    },
  };
}

/** "self" replaces every route's next hop; an address only that of routes of its own family. */
function replacesNextHop(nextHop: string | undefined, afi: number): boolean {
  return nextHop !== undefined && (nextHop === 'self' || ipFamily(nextHop) === afi);
}

function routeSetKey(set: OutRouteSet): string {
  return attributeKey(set.attributes, [set.nextHop, set.from, String(set.length), String(set.count), String(familyKey(set.afi, set.safi))]);
}

function* groupsOfSet(set: OutRouteSet): IterableIterator<OutGroup> {
  if (set.afi === Afi.IPV4 && set.safi === Safi.UNICAST) {
    for (const packed of expandIpv4RunPacked(set)) yield attachPackedIpv4({ afi: set.afi, safi: set.safi, nextHop: set.nextHop, attributes: set.attributes }, packed);
    return;
  }
  for (const prefixes of expandPrefixRun(set)) {
    yield { afi: set.afi, safi: set.safi, nextHop: set.nextHop, attributes: set.attributes, prefixes };
  }
}

/** How many prefixes a change carries (announced or withdrawn), without making their text. */
export function changeSize(lists: ReadonlyArray<OutGroup | OutWithdraw>): number {
  let n = 0;
  for (const l of lists) n += nlriCount(l);
  return n;
}
