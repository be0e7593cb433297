/**
 * Routes a policy remembers between batches (flap-dampening.js, healthcheck.js), and the batches
 * that announce or withdraw remembered routes later, when a timer or a health check says so.
 *
 * A full table is a million routes, so a key costs no string per route: routes are held per family
 * and path id (RFC 7911), IPv4 prefixes by the packed number the decoder already holds them as
 * (address * 64 + length, lib/wire/nlri/packed-ipv4.ts), other families by their canonical text.
 *
 * Not a policy: a helper the example policies beside it require.
 */
const { formatIpv4Packed, nlriCount, packedIpv4Of } = require('rxbgp');

const IPV4 = 1;
const UNICAST = 1;
/** Packed IPv4 prefixes are address * 64 + length. */
const LENGTH_SLOTS = 64;
const IPV4_TEXT = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** The key of the route a RouteView (lib/policy/route-view.ts) points at. */
function routeKey(route) {
  return route.ipv4 >= 0 ? route.ipv4 * LENGTH_SLOTS + route.length : route.prefix;
}

/**
 * The key of an IPv4 prefix held as text (lists with path ids, lists a policy built), equal to
 * routeKey's for the same route: text the route view cannot read as IPv4 stays its own key.
 */
function ipv4TextKey(text) {
  const m = IPV4_TEXT.exec(text);
  if (!m) return text;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  const length = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || length > 32) return text;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  // Host bits set: the route view reads no address either (as lib/wire/nlri/ipv4-prefix.ts).
  if (length < 32 && address % 2 ** (32 - length) !== 0) return text;
  return address * LENGTH_SLOTS + length;
}

/** Calls visit(key, pathId) for each route of an NLRI list, in order, without making IPv4 text. */
function forEachRoute(list, visit) {
  const n = nlriCount(list);
  const pathIds = list.pathIds;
  const packed = list.afi === IPV4 ? packedIpv4Of(list) : undefined;
  if (packed) {
    // The packed form is the key.
    for (let i = 0; i < n; i++) visit(packed[i], pathIds?.[i]);
    return;
  }
  const prefixes = list.prefixes;
  for (let i = 0; i < n; i++) visit(list.afi === IPV4 ? ipv4TextKey(prefixes[i]) : prefixes[i], pathIds?.[i]);
}

/** The canonical text of a prefix key. */
function prefixText(key) {
  return typeof key === 'number' ? formatIpv4Packed(key) : key;
}

/** The routes of one family and path id: `routes` maps a prefix key to the value held. */
class FamilyRoutes {
  constructor(afi, safi, pathId) {
    this.afi = afi;
    this.safi = safi;
    this.pathId = pathId;
    this.routes = new Map();
  }
}

/** Values by route: a FamilyRoutes per family and path id. */
class RouteTable {
  constructor() {
    /** AFI * 256 + SAFI -> path id (-1 for none) -> FamilyRoutes. */
    this.families = new Map();
    // The last one looked up: consecutive routes are nearly always of one family and path id.
    this.lastFamily = -1;
    this.lastPathId = -2;
    this.last = undefined;
  }

  /** The FamilyRoutes of one family and path id: made when `create`, else undefined if there is none. */
  of(afi, safi, pathId, create) {
    const family = afi * 256 + safi;
    const id = pathId === undefined ? -1 : pathId;
    if (family === this.lastFamily && id === this.lastPathId) return this.last;
    let byPathId = this.families.get(family);
    if (!byPathId) {
      if (!create) return undefined;
      this.families.set(family, (byPathId = new Map()));
    }
    let routes = byPathId.get(id);
    if (!routes) {
      if (!create) return undefined;
      byPathId.set(id, (routes = new FamilyRoutes(afi, safi, pathId)));
    }
    this.lastFamily = family;
    this.lastPathId = id;
    this.last = routes;
    return routes;
  }

  /** Calls visit(value, { afi, safi, pathId, key }) for every route held. */
  forEach(visit) {
    for (const byPathId of this.families.values()) {
      for (const { afi, safi, pathId, routes } of byPathId.values()) {
        for (const [key, value] of routes) visit(value, { afi, safi, pathId, key });
      }
    }
  }
}

/**
 * Batches announcing `routes` ({ afi, safi, pathId, key, attributes, nextHop }), one per attributes
 * object. IPv4 unicast goes in the classic NLRI field unless its next hop is not IPv4 (RFC 8950
 * then needs MP_REACH_NLRI).
 */
function announceBatches(routes) {
  const byAttributes = new Map();
  for (const r of routes) {
    let lists = byAttributes.get(r.attributes);
    if (!lists) byAttributes.set(r.attributes, (lists = new Map()));
    const listKey = `${r.afi}/${r.safi}/${r.pathId !== undefined}/${r.nextHop.join(' ')}`;
    let list = lists.get(listKey);
    if (!list) {
      list = { afi: r.afi, safi: r.safi, nextHop: r.nextHop, prefixes: [] };
      if (r.afi === IPV4 && r.safi === UNICAST && r.nextHop.some((hop) => hop.includes(':'))) list.mp = true;
      if (r.pathId !== undefined) list.pathIds = [];
      lists.set(listKey, list);
    }
    list.prefixes.push(prefixText(r.key));
    if (r.pathId !== undefined) list.pathIds.push(r.pathId);
  }
  return [...byAttributes].map(([attributes, lists]) => ({ type: 'update', withdrawn: [], attributes, announced: [...lists.values()] }));
}

/** One batch withdrawing `routes` ({ afi, safi, pathId, key }), a list per family (and path-id use). */
function withdrawBatch(routes) {
  const lists = new Map();
  for (const r of routes) {
    const listKey = `${r.afi}/${r.safi}/${r.pathId !== undefined}`;
    let list = lists.get(listKey);
    if (!list) {
      list = { afi: r.afi, safi: r.safi, prefixes: [] };
      if (r.pathId !== undefined) list.pathIds = [];
      lists.set(listKey, list);
    }
    list.prefixes.push(prefixText(r.key));
    if (r.pathId !== undefined) list.pathIds.push(r.pathId);
  }
  return { type: 'update', withdrawn: [...lists.values()], attributes: {}, announced: [] };
}

/** How many routes a batch announces (what a rate is counted in). */
function announcedCount(batch) {
  let n = 0;
  for (const list of batch.announced) n += nlriCount(list);
  return n;
}

module.exports = { RouteTable, routeKey, ipv4TextKey, forEachRoute, prefixText, announceBatches, withdrawBatch, announcedCount };
