/**
 * `rxbgp encode`'s core: the UPDATE messages an `announce route` / `withdraw route` /
 * `announce attributes … nlri …` command would put on the wire. With --local-as/--peer-as the
 * command goes through the daemon's own path for an API route (Adj-RIB-Out upsert/remove, then
 * the session's sender with its outgoing-attribute rules), so the bytes are exactly those the
 * daemon sends to such a neighbor. Without them, the attributes are encoded as written.
 */
import { familyContext } from '../../families/family-context';
import type { Command, RouteSpec } from '../../api/commands/types';
import { attributeKey } from '../../rib/attribute-key';
import { AdjRibOut } from '../../rib/adj-rib-out';
import { sendRoutes, type SendContext } from '../../session/rib-sender';
import { ipFamily } from '../../wire/address';
import { Afi, MAX_MESSAGE_LENGTH } from '../../wire/iana';
import { familyKey, type CodecContext, type PathAttributes } from '../../wire/types';
import { packUpdates } from '../../wire/update-pack';

export interface EncodeOptions {
  /** False for a 2-octet AS session (AS_PATH with 2-octet ASNs, AS4_PATH when needed). */
  readonly asn4: boolean;
  /**
   * When either is set, the UPDATEs are those the daemon sends on a session from localAs to
   * peerAs (one defaults to the other: iBGP). RFC 4271 §5.1: ORIGIN IGP when not given; eBGP
   * prepends localAs to AS_PATH and drops LOCAL_PREF; iBGP keeps AS_PATH and adds LOCAL_PREF
   * 100 when not given (lib/session/outgoing-attributes.ts). When both are unset the attributes
   * are encoded exactly as given.
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

/** The whole UPDATE messages (header included) the command produces, in order. Rejects with a plain Error when it cannot. */
export async function encodeRouteCommand(command: Command, options: EncodeOptions): Promise<Buffer[]> {
  if (command.kind !== 'announce-route' && command.kind !== 'withdraw-route') {
    throw new Error(`encode takes announce/withdraw route or attributes commands, not "${command.kind}"`);
  }
  const announce = command.kind === 'announce-route';
  if (options.localAs !== undefined || options.peerAs !== undefined) return encodeAsSent(command.routes, announce, options);
  const groups = groupRoutes(command.routes, announce, options);
  const ctx = codecContext(command.routes, options);
  const out: Buffer[] = [];
  for (const g of groups) {
    const nlri = { afi: g.afi, safi: g.safi, prefixes: g.prefixes, pathIds: ctx.addPath.has(familyKey(g.afi, g.safi)) ? g.pathIds : undefined };
    const messages = announce
      ? packUpdates(g.attributes, { ...nlri, nextHop: g.nextHop === '' ? [] : [g.nextHop] }, undefined, ctx, MAX_MESSAGE_LENGTH)
      : packUpdates({}, undefined, nlri, ctx, MAX_MESSAGE_LENGTH);
    out.push(...messages);
  }
  return out;
}

/**
 * What the daemon sends for these routes announced (or withdrawn) through the API on a session
 * that negotiated their families: Neighbor.announceApi / withdrawApi's Adj-RIB-Out change, sent
 * by PeerSession's sender (lib/session/rib-sender.ts) with the session's AS numbers and "self".
 */
async function encodeAsSent(routes: readonly RouteSpec[], announce: boolean, options: EncodeOptions): Promise<Buffer[]> {
  const localAs = options.localAs ?? (options.peerAs as number);
  const peerAs = options.peerAs ?? localAs;
  const self = selfAddresses(options.nextHopSelf);
  if (announce) {
    const v4Self = routes.find((r) => r.nextHop === 'self' && r.afi === Afi.IPV4);
    if (v4Self && self.selfIpv4 === undefined) throw new Error(`next-hop self of IPv4 route ${v4Self.prefix} needs an IPv4 --next-hop-self, got ${options.nextHopSelf}`);
  }
  const rib = new AdjRibOut();
  const added = rib.upsert(routes);
  const change = announce ? added : rib.remove(routes);
  const ctx: SendContext = {
    codec: codecContext(routes, options),
    maxLength: MAX_MESSAGE_LENGTH,
    localAs,
    peerAs,
    families: new Set(routes.map((r) => familyKey(r.afi, r.safi))),
    ...self,
  };
  const messages: Buffer[] = [];
  const refused: string[] = [];
  await sendRoutes(
    { write: () => true, drained: async () => {}, alive: () => true, wrote() {}, sent: (m) => messages.push(m), refused: (what, why) => refused.push(`${what}: ${why}`) },
    ctx,
    change.withdraw,
    change.announce,
  );
  if (refused.length) throw new Error(refused.join('; '));
  return messages;
}

/** The session's local addresses "self" stands for: the given one (an IPv6 route over IPv4 gets ::ffff:a.b.c.d, as the daemon sends), else 127.0.0.1 and ::1. */
function selfAddresses(given: string | undefined): Pick<SendContext, 'selfIpv4' | 'selfIpv6'> {
  if (given === undefined) return { selfIpv4: '127.0.0.1', selfIpv6: '::1' };
  return ipFamily(given) === Afi.IPV6 ? { selfIpv6: given } : { selfIpv4: given };
}

/**
 * Announcements group by (family, next hop, attributes); withdrawals by family alone, since a
 * withdrawal carries neither.
 */
function groupRoutes(routes: readonly RouteSpec[], announce: boolean, options: EncodeOptions): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const route of routes) {
    const nextHop = announce ? resolveNextHop(route, options) : '';
    const attributes = announce ? sessionAttributes(route.attributes) : {};
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

/** The next hop travels with the NLRI (NEXT_HOP or MP_REACH_NLRI), so it is dropped from the attribute set. */
function sessionAttributes(given: PathAttributes): PathAttributes {
  const { nextHop: _nextHop, ...attrs } = given;
  return attrs;
}

/** ADD-PATH (RFC 7911) is on for exactly the families whose routes carry a path-information. */
function codecContext(routes: readonly RouteSpec[], options: EncodeOptions): CodecContext {
  const addPath = new Set<number>();
  for (const route of routes) if (route.pathId !== undefined) addPath.add(familyKey(route.afi, route.safi));
  return familyContext({ asn4: options.asn4, extendedMessage: false, addPath });
}
