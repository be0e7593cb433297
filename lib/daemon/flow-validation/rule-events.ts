/**
 * The session events that report rules whose feasibility changed (RFC 8955 §6) after they arrived:
 * announcements with the attributes the Adj-RIB-In holds for them (one UPDATE per attribute set),
 * withdrawals in one UPDATE. Marked `imported` (not the wire's bytes), so sinks that record the
 * wire (MRT) leave them out, as they do for what import policies make.
 */
import type { RibEntry } from '../../rib/adj-rib-in';
import type { SessionEvent } from '../../events/events';
import { familyKey, type Announced, type NlriList, type UpdateMessage } from '../../wire/types';

/** A rule as the Adj-RIB-In keys it. */
export interface RuleRoute {
  readonly family: { readonly afi: number; readonly safi: number };
  readonly prefix: string;
  readonly pathId: number | undefined;
}

export function withdrawEvent(routes: readonly RuleRoute[]): SessionEvent {
  const withdrawn = [...byFamily(routes).values()].map((rs) => list(rs) as NlriList);
  return received({ type: 'update', withdrawn, attributes: {}, announced: [] });
}

/** Announcements of `routes`, read from `ribIn` (a rule no longer held there is left out). */
export function announceEvents(ribIn: { get(afi: number, safi: number, prefix: string, pathId?: number): RibEntry | undefined }, routes: readonly RuleRoute[]): SessionEvent[] {
  const bySet = new Map<RibEntry, RuleRoute[]>();
  for (const r of routes) {
    const entry = ribIn.get(r.family.afi, r.family.safi, r.prefix, r.pathId);
    if (!entry) continue;
    const same = bySet.get(entry);
    if (same) same.push(r);
    else bySet.set(entry, [r]);
  }
  return [...bySet].map(([entry, rs]) => {
    const announced = [...byFamily(rs).values()].map((f) => ({ ...list(f), nextHop: entry.nextHop }) as Announced);
    return received({ type: 'update', withdrawn: [], attributes: entry.attributes, announced });
  });
}

function received(message: UpdateMessage): SessionEvent {
  return { kind: 'update', direction: 'receive', imported: true, message };
}

function byFamily(routes: readonly RuleRoute[]): Map<number, RuleRoute[]> {
  const out = new Map<number, RuleRoute[]>();
  for (const r of routes) {
    const fk = familyKey(r.family.afi, r.family.safi);
    const same = out.get(fk);
    if (same) same.push(r);
    else out.set(fk, [r]);
  }
  return out;
}

/** One family's routes as an NLRI list (path ids when ADD-PATH gave them: all or none). */
function list(routes: readonly RuleRoute[]): { afi: number; safi: number; prefixes: string[]; pathIds?: number[] } {
  const { afi, safi } = routes[0].family;
  const prefixes = routes.map((r) => r.prefix);
  return routes[0].pathId === undefined ? { afi, safi, prefixes } : { afi, safi, prefixes, pathIds: routes.map((r) => r.pathId ?? 0) };
}
