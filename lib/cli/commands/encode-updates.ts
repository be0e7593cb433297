/**
 * `rxbgp encode`'s core: the UPDATE messages an `announce route` / `withdraw route` /
 * `announce attributes … nlri …` command would put on the wire. Routes that share family,
 * next hop and attributes are packed behind one attribute set, as the daemon sends them.
 */
import type { Command, RouteSpec } from '../../api/commands/types';
import { attributeKey } from '../../rib/attribute-key';
import { Afi, AsPathSegmentType, MAX_MESSAGE_LENGTH, Origin } from '../../wire/iana';
import { familyKey, type CodecContext, type PathAttributes } from '../../wire/types';
import { packUpdates } from '../../wire/update-pack';

export interface EncodeOptions {
  /** False for a 2-octet AS session (AS_PATH with 2-octet ASNs, AS4_PATH when needed). */
  readonly asn4: boolean;
  /**
   * When set, the attributes are completed as ExaBGP completes them for a session between
   * these ASes (ORIGIN IGP, AS_PATH empty for iBGP or [localAs] for eBGP, LOCAL_PREF 100 for
   * iBGP and none for eBGP). When both are unset the attributes are encoded exactly as given.
   */
  readonly localAs?: number;
  readonly peerAs?: number;
  /** What `next-hop self` stands for; default 127.0.0.1 for IPv4 routes and ::1 for IPv6 ones. */
  readonly nextHopSelf?: string;
}

/** A group of routes packed behind one attribute set (announce) or one withdrawal (withdraw). */
interface RouteGroup {
  readonly afi: number;
  readonly safi: number;
  readonly nextHop: string;
  readonly attributes: PathAttributes;
  readonly prefixes: string[];
  readonly pathIds: number[];
}

/** The whole UPDATE messages (header included) the command produces, in order. Throws a plain Error when it cannot. */
export function encodeRouteCommand(command: Command, options: EncodeOptions): Buffer[] {
  if (command.kind !== 'announce-route' && command.kind !== 'withdraw-route') {
    throw new Error(`encode takes announce/withdraw route or attributes commands, not "${command.kind}"`);
  }
  const announce = command.kind === 'announce-route';
  const groups = groupRoutes(command.routes, announce, options);
  const ctx = codecContext(command.routes, options);
  const out: Buffer[] = [];
  for (const g of groups) {
    const nlri = { afi: g.afi, safi: g.safi, prefixes: g.prefixes, pathIds: ctx.addPath.has(familyKey(g.afi, g.safi)) ? g.pathIds : undefined };
    const messages = announce
      ? packUpdates(g.attributes, { ...nlri, nextHop: [g.nextHop] }, undefined, ctx, MAX_MESSAGE_LENGTH)
      : packUpdates({}, undefined, nlri, ctx, MAX_MESSAGE_LENGTH);
    out.push(...messages);
  }
  return out;
}

/**
 * Announcements group by (family, next hop, attributes); withdrawals by family alone, since a
 * withdrawal carries neither.
 */
function groupRoutes(routes: readonly RouteSpec[], announce: boolean, options: EncodeOptions): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const route of routes) {
    const nextHop = announce ? resolveNextHop(route, options) : '';
    const attributes = announce ? sessionAttributes(route.attributes, options) : {};
    const key = `${route.afi}/${route.safi} ${announce ? attributeKey(attributes, [nextHop]) : ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { afi: route.afi, safi: route.safi, nextHop, attributes, prefixes: [], pathIds: [] };
      groups.set(key, group);
    }
    group.prefixes.push(route.prefix);
    group.pathIds.push(route.pathId ?? 0);
  }
  return [...groups.values()];
}

function resolveNextHop(route: RouteSpec, options: EncodeOptions): string {
  if (route.nextHop !== 'self') return route.nextHop;
  return options.nextHopSelf ?? (route.afi === Afi.IPV6 ? '::1' : '127.0.0.1');
}

/**
 * The next hop travels with the NLRI (NEXT_HOP or MP_REACH_NLRI), so it is dropped from the
 * attribute set; with --local-as/--peer-as, ExaBGP's defaults for that session are applied
 * (RFC 4271 §5.1.1 ORIGIN and §5.1.2 AS_PATH are mandatory; §5.1.5 LOCAL_PREF only internally).
 * ExaBGP never prepends the local AS to an AS_PATH that was given, and neither do we.
 */
function sessionAttributes(given: PathAttributes, options: EncodeOptions): PathAttributes {
  const { nextHop: _nextHop, ...attrs } = given;
  if (options.localAs === undefined && options.peerAs === undefined) return attrs;
  const localAs = options.localAs ?? (options.peerAs as number);
  const peerAs = options.peerAs ?? localAs;
  const ibgp = localAs === peerAs;
  const out: { -readonly [K in keyof PathAttributes]: PathAttributes[K] } = {
    ...attrs,
    origin: attrs.origin ?? Origin.IGP,
    asPath: attrs.asPath ?? (ibgp ? [] : [{ type: AsPathSegmentType.AS_SEQUENCE, asns: [localAs] }]),
  };
  if (!ibgp) delete out.localPref;
  else if (out.localPref === undefined) out.localPref = 100;
  return out;
}

/** ADD-PATH (RFC 7911) is on for exactly the families whose routes carry a path-information. */
function codecContext(routes: readonly RouteSpec[], options: EncodeOptions): CodecContext {
  const addPath = new Set<number>();
  for (const route of routes) if (route.pathId !== undefined) addPath.add(familyKey(route.afi, route.safi));
  return { asn4: options.asn4, extendedMessage: false, addPath };
}
