/**
 * Which of the selected neighbors a route command reaches, family by family (AFI, SAFI; RFC 4760).
 * A route is only worth storing for a neighbor that can send it: the family must be in the
 * neighbor's configured families and, once its session is established, in what the peer
 * negotiated (RFC 4760 §8: a speaker must not send routes of a family the peer did not advertise).
 * A family that reaches none of the selected neighbors makes the whole command an error that
 * names the family, the neighbors and why, so a route is never accepted and then silently not sent.
 * Written in (AFI, SAFI) terms only, so every family added later gets the same rule.
 */
import type { RouteSpec } from '../api/commands/types';
import { formatFamily } from '../config';
import type { Neighbor } from '../neighbor/neighbor';
import { familyKey } from '../wire/types';

/**
 * `announce`: configured and (while established) negotiated. `withdraw`: configured is enough, so a
 * route stored while the session was down can still be taken back whatever the peer negotiated
 * (withdrawing what was never sent costs nothing; keeping it would send it after a later OPEN that
 * does negotiate the family).
 */
export type ReachRule = 'announce' | 'withdraw';

/** Why a neighbor cannot take routes of a family, or undefined when it can. */
export function unreachableReason(n: Neighbor, afi: number, safi: number, rule: ReachRule = 'announce'): string | undefined {
  if (!n.settings.families.some((f) => f.afi === afi && f.safi === safi)) return `${formatFamily(afi, safi)} is not in its configured families`;
  if (rule === 'withdraw' || n.state !== 'Established') return undefined;
  const negotiated = n.session.negotiatedSession?.families;
  if (negotiated && !negotiated.some((f) => f.afi === afi && f.safi === safi)) return `the peer did not negotiate ${formatFamily(afi, safi)}`;
  return undefined;
}

export interface RouteReach {
  /** The routes each reached neighbor takes, in command order. */
  readonly routes: Map<Neighbor, RouteSpec[]>;
  /** One line per family that reaches none of the neighbors; empty when every route has somewhere to go. */
  readonly refused: string[];
}

/** At most this many neighbors are named in one refusal line. */
const NAMED = 5;

/**
 * Splits a command's routes by the neighbors that can carry them (see ReachRule). A helper writes
 * one route per line at up to ~400 k lines/s, so the usual case (every route of one family) takes
 * no grouping and shares the command's own list between the neighbors it reaches.
 */
export function routeReach(ns: readonly Neighbor[], routes: readonly RouteSpec[], rule: ReachRule): RouteReach {
  const out: RouteReach = { routes: new Map(), refused: [] };
  if (routes.length === 0) return out;
  const first = routes[0];
  let oneFamily = true;
  for (let i = 1; i < routes.length && oneFamily; i++) oneFamily = routes[i].afi === first.afi && routes[i].safi === first.safi;
  if (oneFamily) {
    reachFamily(ns, first.afi, first.safi, routes, rule, out, false);
    return out;
  }
  const byFamily = new Map<number, RouteSpec[]>();
  for (const r of routes) {
    const fk = familyKey(r.afi, r.safi);
    const list = byFamily.get(fk);
    if (list) list.push(r);
    else byFamily.set(fk, [r]);
  }
  for (const [fk, rs] of byFamily) reachFamily(ns, fk >> 8, fk & 255, rs, rule, out, true);
  return out;
}

/** Adds the routes of one family to each neighbor that can carry it, or one refusal line when none can. */
function reachFamily(ns: readonly Neighbor[], afi: number, safi: number, rs: readonly RouteSpec[], rule: ReachRule, out: RouteReach, merge: boolean): void {
  let why: string[] | undefined;
  let reached = 0;
  for (const n of ns) {
    const reason = unreachableReason(n, afi, safi, rule);
    if (reason !== undefined) {
      why ??= [];
      if (why.length < NAMED) why.push(`${who(n)}: ${reason}`);
      continue;
    }
    reached++;
    const list = merge ? out.routes.get(n) : undefined;
    if (list) for (const r of rs) list.push(r);
    else out.routes.set(n, merge ? [...rs] : (rs as RouteSpec[]));
  }
  if (reached === 0) {
    const more = ns.length > NAMED ? `; and ${ns.length - NAMED} more neighbors` : '';
    const verb = rule === 'announce' ? 'not announced' : 'not withdrawn';
    out.refused.push(`${describe(rs)} ${verb}: no selected neighbor can carry ${formatFamily(afi, safi)} (${(why ?? []).join('; ')}${more})`);
  }
}

/** "2001:db8::/48" or "2001:db8::/48 and 3 more ipv6 unicast routes". */
function describe(rs: readonly RouteSpec[]): string {
  const first = rs[0];
  return rs.length === 1 ? first.prefix : `${first.prefix} and ${rs.length - 1} more ${formatFamily(first.afi, first.safi)} routes`;
}

/** The peer address, with the description when the neighbor has one. */
function who(n: Neighbor): string {
  const address = n.endpoint.peerAddress;
  return n.name === address ? address : `${n.name} (${address})`;
}

/**
 * The library's announce, which gives each chosen neighbor the whole list: one line per family
 * the neighbor cannot carry now, at the first route of that family (`routes[3].prefix: ...`).
 */
export function unreachableRoutes(n: Neighbor, routes: ReadonlyArray<Pick<RouteSpec, 'afi' | 'safi' | 'prefix'>>): string[] {
  const seen = new Set<number>();
  const lines: string[] = [];
  routes.forEach((r, i) => {
    const fk = familyKey(r.afi, r.safi);
    if (seen.has(fk)) return;
    seen.add(fk);
    const why = unreachableReason(n, r.afi, r.safi);
    if (why !== undefined) lines.push(`routes[${i}].prefix: ${r.prefix} is not announced: ${why}`);
  });
  return lines;
}
