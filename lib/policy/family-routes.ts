/**
 * Per-route policy helpers for any address family, through its descriptor (DESIGN.md "Families"):
 * a route is what the family's policyView makes of its NLRI (`{ kind: 'flow', ... }` for FlowSpec),
 * with the list's next hop and path id and the batch's attributes beside it. The helpers work on
 * the lists whose view is of the kind asked for and pass every other list through untouched, as
 * the prefix helpers (helpers.ts, over the reused RouteCursor) pass non-prefix families.
 *
 * The prefix helpers stay on their own cursor: a full table is a million prefixes and they read
 * packed numbers; this path makes one view object per route, which suits families of thousands of
 * routes (FlowSpec rule tables).
 *
 * As with every helper, a rejected route is withdrawn (RFC 4271 §9.1.1), routes given other
 * attributes go out in a batch of their own, and a batch nothing changes comes out as the same object.
 */
import { map, Observable } from 'rxjs';
import { FAMILY_REGISTRY, type AnyFamily } from '../families';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import type { Announced, NlriList, PathAttributes } from '../wire/types';
import { mergeWithdrawn, pickRoutes } from '../wire/nlri/nlri-lists';
import type { Policy, RouteBatch } from './types';

/** One announced route of some family, as the family's descriptor shows it to policies. */
export interface FamilyRoute<View extends { readonly kind: string } = { readonly kind: string }> {
  readonly afi: number;
  readonly safi: number;
  /** ExaBGP's family name ("ipv4 flow"). */
  readonly family: string;
  /** The family's policy view of the NLRI (FamilyDescriptor.policyView). */
  readonly view: View;
  /** RFC 7911 path identifier, when ADD-PATH is on. */
  readonly pathId: number | undefined;
  readonly nextHop: readonly string[];
  /** The batch's attributes. */
  readonly attributes: PathAttributes;
}

/** How a helper turns a family route into what its function is given (a FlowRouteView, or the route itself). */
export type RouteMaker<View extends { readonly kind: string }, R> = (route: FamilyRoute<View>) => R;

/** Keeps the announced routes of `kind` (a policy view kind: 'flow', 'prefix') that `keep` accepts; the others of that kind are withdrawn. */
export function filterFamilyRoutes<View extends { readonly kind: string }>(kind: View['kind'], keep: (route: FamilyRoute<View>) => boolean): Policy {
  return filterByKind(kind, (route: FamilyRoute<View>) => route, keep);
}

/** routeAttributes (helpers.ts) for the routes of `kind`: their attributes, or null to withdraw them. */
export function familyRouteAttributes<View extends { readonly kind: string }>(
  kind: View['kind'],
  choose: (route: FamilyRoute<View>) => PathAttributes | null,
): Policy {
  return attributesByKind(kind, (route: FamilyRoute<View>) => route, choose);
}

/** filterFamilyRoutes with the route made into R first (how filterFlows gives a FlowRouteView). */
export function filterByKind<View extends { readonly kind: string }, R>(kind: string, make: RouteMaker<View, R>, keep: (route: R) => boolean): Policy {
  return map((batch) => filterWalk(batch, kind, (route) => keep(make(route as FamilyRoute<View>))));
}

/** familyRouteAttributes with the route made into R first. */
export function attributesByKind<View extends { readonly kind: string }, R>(
  kind: string,
  make: RouteMaker<View, R>,
  choose: (route: R) => PathAttributes | null,
): Policy {
  const pick = (route: FamilyRoute) => choose(make(route as FamilyRoute<View>));
  return (source) =>
    new Observable<RouteBatch>((subscriber) =>
      source.subscribe({
        next: (batch) => {
          for (const out of splitWalk(batch, kind, pick)) subscriber.next(out);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}

/** The routes of a list, when its family's view is of `kind`; undefined to pass the list untouched. */
function routesOf(list: Announced, attributes: PathAttributes, kind: string): FamilyRoute[] | undefined {
  const family: AnyFamily | undefined = FAMILY_REGISTRY.get(list.afi, list.safi);
  const n = nlriCount(list);
  if (!family || n === 0) return undefined;
  const routes: FamilyRoute[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const view = family.policyView(family.nlriAt(list, i)) as { readonly kind: string };
    // A family has one kind of view: its first route says whether the list is this helper's.
    if (view.kind !== kind) return undefined;
    routes[i] = { afi: list.afi, safi: list.safi, family: family.name, view, pathId: list.pathIds?.[i], nextHop: list.nextHop, attributes };
  }
  return routes;
}

function filterWalk(batch: RouteBatch, kind: string, keep: (route: FamilyRoute) => boolean): RouteBatch {
  let announced: Announced[] | undefined;
  let rejected: NlriList[] | undefined;
  for (let l = 0; l < batch.announced.length; l++) {
    const list = batch.announced[l];
    const routes = routesOf(list, batch.attributes, kind);
    const kept: number[] = [];
    const dropped: number[] = [];
    if (routes) for (let i = 0; i < routes.length; i++) (keep(routes[i]) ? kept : dropped).push(i);
    if (dropped.length === 0) {
      announced?.push(list);
      continue;
    }
    announced ??= batch.announced.slice(0, l);
    if (kept.length > 0) announced.push(pickRoutes(list, kept, kept.length, true));
    (rejected ??= []).push(pickRoutes(list, dropped, dropped.length, false));
  }
  if (!rejected) return batch;
  return { ...batch, announced: announced!, withdrawn: mergeWithdrawn(batch.withdrawn, rejected) };
}

function splitWalk(batch: RouteBatch, kind: string, choose: (route: FamilyRoute) => PathAttributes | null): RouteBatch[] {
  if (batch.announced.length === 0) return [batch];
  /** Per attributes object chosen: per list of the batch, the indices of its routes. */
  // (null indices: the whole list)
  const byAttributes = new Map<PathAttributes, Array<{ list: Announced; indices: number[] | null }>>();
  const rejected: NlriList[] = [];
  let unchanged = true;
  const lists = (attributes: PathAttributes) => {
    let known = byAttributes.get(attributes);
    if (!known) byAttributes.set(attributes, (known = []));
    return known;
  };
  const add = (attributes: PathAttributes, list: Announced, i: number) => {
    const known = lists(attributes);
    let last = known[known.length - 1];
    if (!last || last.list !== list) known.push((last = { list, indices: [] }));
    last.indices!.push(i);
  };
  for (const list of batch.announced) {
    const routes = routesOf(list, batch.attributes, kind);
    if (!routes) {
      // Another kind of route: kept as it came, with the batch's attributes.
      lists(batch.attributes).push({ list, indices: null });
      continue;
    }
    const dropped: number[] = [];
    for (let i = 0; i < routes.length; i++) {
      const attributes = choose(routes[i]);
      if (attributes === null) {
        dropped.push(i);
        unchanged = false;
        continue;
      }
      if (attributes !== batch.attributes) unchanged = false;
      add(attributes, list, i);
    }
    if (dropped.length) rejected.push(pickRoutes(list, dropped, dropped.length, false));
  }
  if (unchanged) return [batch];
  const out: RouteBatch[] = [];
  let withdrawn = mergeWithdrawn(batch.withdrawn, rejected);
  for (const [attributes, group] of byAttributes) {
    const announced = group.map(({ list, indices }) => (indices === null || indices.length === nlriCount(list) ? list : pickRoutes(list, indices, indices.length, true)));
    out.push({ type: 'update', withdrawn, attributes, announced });
    withdrawn = [];
  }
  if (out.length === 0) out.push({ type: 'update', withdrawn, attributes: {}, announced: [] });
  return out;
}
