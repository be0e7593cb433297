/**
 * One-line policies: the per-route and per-batch building blocks a policy module is usually made
 * of. Each returns an RxJS operator (a Policy) that maps every batch synchronously; a batch in which
 * nothing changes comes out as the same object, so a chain that lets everything through costs one
 * walk over the prefixes per filter and nothing else.
 *
 * A rejected route becomes a withdrawal (RFC 4271 §9.1.1: a route the policy no longer accepts
 * must not stay where an earlier version of it was put): in `withdrawn`, merged per family.
 */
import { map, Observable } from 'rxjs';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import type { Announced, NlriList, PathAttributes } from '../wire/types';
import { mergeWithdrawn, pickRoutes } from '../wire/nlri/nlri-lists';
import { holdsPrefixes, RouteCursor, type RouteView } from './route-view';
import type { Policy, RouteBatch } from './types';

/** Keeps the announced routes `keep` accepts; the others are withdrawn. Withdrawals pass as they are. */
export function filterRoutes(keep: (route: RouteView) => boolean): Policy {
  const cursor = new RouteCursor();
  // One call of `keep` per route: for the common filters on a full table, maxPrefixLength and
  // rejectPrefixes (prefix-filters.ts) test packed prefixes without it and cost a third as much.
  return map((batch) => filterWalk(batch, keep, cursor));
}

/** Gives every batch that announces something the attributes `change` returns (return the same object for no change). */
export function mapAttributes(change: (attributes: PathAttributes, batch: RouteBatch) => PathAttributes): Policy {
  return map((batch) => {
    if (batch.announced.length === 0) return batch;
    const attributes = change(batch.attributes, batch);
    return attributes === batch.attributes ? batch : { ...batch, attributes };
  });
}

/**
 * The general per-route form: `choose` returns the attributes a route goes out with (the batch's
 * own object for no change), or null to withdraw it. Routes given the same object travel together:
 * one batch comes out per distinct object returned, the first carrying the withdrawals. Return
 * the same object for the same change (cache it per input attributes) so routes stay together.
 */
export function routeAttributes(choose: (route: RouteView) => PathAttributes | null): Policy {
  const cursor = new RouteCursor();
  return (source) =>
    new Observable<RouteBatch>((subscriber) =>
      source.subscribe({
        next: (batch) => {
          for (const out of splitBatch(batch, choose, cursor)) subscriber.next(out);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}

function filterWalk(batch: RouteBatch, keep: (route: RouteView) => boolean, cursor: RouteCursor): RouteBatch {
  let announced: Announced[] | undefined;
  let rejected: NlriList[] | undefined;
  for (let l = 0; l < batch.announced.length; l++) {
    const list = batch.announced[l];
    if (!holdsPrefixes(list)) {
      announced?.push(list);
      continue;
    }
    const n = nlriCount(list);
    cursor.over(list, batch.attributes);
    let kept: Uint32Array | undefined;
    let keptCount = 0;
    let dropped: Uint32Array | undefined;
    let droppedCount = 0;
    for (let i = 0; i < n; i++) {
      if (keep(cursor.at(i))) {
        if (kept) kept[keptCount] = i;
        keptCount++;
      } else {
        if (!dropped) {
          // First rejection: from here on, both sides are recorded.
          dropped = new Uint32Array(n);
          kept = new Uint32Array(n);
          for (let k = 0; k < i; k++) kept[k] = k;
        }
        dropped[droppedCount++] = i;
      }
    }
    if (!dropped) {
      announced?.push(list);
      continue;
    }
    announced ??= batch.announced.slice(0, l);
    if (keptCount > 0) announced.push(pickRoutes(list, kept!, keptCount, true));
    (rejected ??= []).push(pickRoutes(list, dropped, droppedCount, false));
  }
  if (!rejected) return batch;
  return { ...batch, announced: announced!, withdrawn: mergeWithdrawn(batch.withdrawn, rejected) };
}

function splitBatch(batch: RouteBatch, choose: (route: RouteView) => PathAttributes | null, cursor: RouteCursor): RouteBatch[] {
  if (batch.announced.length === 0) return [batch];
  /** Per attributes object chosen: per list of the batch, the indices of its routes. */
  const byAttributes = new Map<PathAttributes, Array<{ list: Announced; indices: number[] }>>();
  const rejected: NlriList[] = [];
  let unchanged = true;
  for (const list of batch.announced) {
    const n = nlriCount(list);
    if (!holdsPrefixes(list)) {
      // Kept as they came, with the batch's attributes (see holdsPrefixes).
      let lists = byAttributes.get(batch.attributes);
      if (!lists) byAttributes.set(batch.attributes, (lists = []));
      lists.push({ list, indices: Array.from({ length: n }, (_, i) => i) });
      continue;
    }
    cursor.over(list, batch.attributes);
    const dropped: number[] = [];
    for (let i = 0; i < n; i++) {
      const attributes = choose(cursor.at(i));
      if (attributes === null) {
        dropped.push(i);
        unchanged = false;
        continue;
      }
      if (attributes !== batch.attributes) unchanged = false;
      let lists = byAttributes.get(attributes);
      if (!lists) byAttributes.set(attributes, (lists = []));
      let last = lists[lists.length - 1];
      if (!last || last.list !== list) lists.push((last = { list, indices: [] }));
      last.indices.push(i);
    }
    if (dropped.length) rejected.push(pickRoutes(list, dropped, dropped.length, false));
  }
  if (unchanged) return [batch];
  const out: RouteBatch[] = [];
  let withdrawn = mergeWithdrawn(batch.withdrawn, rejected);
  for (const [attributes, lists] of byAttributes) {
    const announced = lists.map(({ list, indices }) => (indices.length === nlriCount(list) ? list : pickRoutes(list, indices, indices.length, true)));
    out.push({ type: 'update', withdrawn, attributes, announced });
    withdrawn = [];
  }
  if (out.length === 0) out.push({ type: 'update', withdrawn, attributes: {}, announced: [] });
  return out;
}
