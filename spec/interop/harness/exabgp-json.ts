/**
 * ExaBGP's JSON API events (format "4.0.1"), which both exabgp and rxbgp print, one per line:
 *
 *   {"exabgp":"4.0.1", ..., "type":"state", "neighbor":{"address":{"local":..,"peer":..},"asn":{..},"state":"up"}}
 *   {..., "type":"update", "neighbor":{..., "direction":"receive", "message":{"update":{
 *       "attribute":{"origin":"igp","as-path":[65001],"med":10,"community":[[65001,100]],
 *                    "large-community":[[65001,1,2]],"extended-community":[{"value":..,"string":"target:65001:1"}]},
 *       "announce":{"ipv4 unicast":{"198.51.100.1":[{"nlri":"10.0.0.0/24"}]}},
 *       "withdraw":{"ipv4 unicast":[{"nlri":"10.0.0.0/24"}]}}}}}
 *   {..., "type":"notification", "neighbor":{..., "direction":"receive","notification":{"code":6,"subcode":2,"data":"0x"}}}
 *
 * The readers here are strict: an attribute in another shape than ExaBGP's is an error, so a
 * speaker whose JSON drifts from ExaBGP's fails the interop suite instead of being read leniently.
 */
import type { Origin, Route } from './route';

export interface ExaNeighbor {
  readonly address: { readonly local: string; readonly peer: string };
  readonly asn: { readonly local: number; readonly peer: number };
  readonly state?: string;
  readonly reason?: string;
  readonly direction?: string;
  readonly message?: {
    readonly update?: ExaUpdate;
    readonly eor?: { readonly afi: string; readonly safi: string };
  };
  readonly notification?: { readonly code: number; readonly subcode: number; readonly data?: string };
}

export interface ExaUpdate {
  readonly attribute?: Readonly<Record<string, unknown>>;
  readonly announce?: Readonly<Record<string, Readonly<Record<string, ReadonlyArray<{ readonly nlri: string }>>>>>;
  readonly withdraw?: Readonly<Record<string, ReadonlyArray<{ readonly nlri: string }>>>;
}

export interface ExaEvent {
  readonly exabgp: string;
  readonly type: string;
  readonly counter?: number;
  readonly neighbor: ExaNeighbor;
}

/** A JSON event, or undefined for anything else on the line (ExaBGP's "done"/"error" acks). */
export function parseEventLine(line: string): ExaEvent | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || typeof value.exabgp !== 'string' || typeof value.type !== 'string' || !isRecord(value.neighbor)) {
    throw new Error(`not an ExaBGP JSON event: ${text}`);
  }
  return value as unknown as ExaEvent;
}

/** The peer address an event is about. */
export function peerOf(event: ExaEvent): string | undefined {
  return event.neighbor.address?.peer;
}

/** The state of a "state" event ("connected", "up", "down"), else undefined. */
export function stateOf(event: ExaEvent): string | undefined {
  return event.type === 'state' ? event.neighbor.state : undefined;
}

export function updateOf(event: ExaEvent): ExaUpdate | undefined {
  return event.type === 'update' ? event.neighbor.message?.update : undefined;
}

/** Every route an update event announces, attributes read the strict way. */
export function announcedRoutes(event: ExaEvent): Route[] {
  const update = updateOf(event);
  if (!update?.announce) return [];
  const attributes = routeAttributes(update.attribute ?? {});
  const routes: Route[] = [];
  for (const byNextHop of Object.values(update.announce)) {
    for (const [nextHop, nlris] of Object.entries(byNextHop)) {
      for (const { nlri } of nlris) routes.push({ prefix: nlri, nextHop, ...attributes });
    }
  }
  return routes;
}

/** Every prefix an update event withdraws. */
export function withdrawnPrefixes(event: ExaEvent): string[] {
  const update = updateOf(event);
  if (!update?.withdraw) return [];
  return Object.values(update.withdraw).flatMap((nlris) => nlris.map(({ nlri }) => nlri));
}

/**
 * ExaBGP's "attribute" object in the interop suite's Route terms. Attributes the suite does not
 * compare (confederation-path, atomic-aggregate, ...) are left out.
 */
export function routeAttributes(attribute: Readonly<Record<string, unknown>>): Omit<Route, 'prefix' | 'nextHop'> {
  const out: { -readonly [K in keyof Route]?: Route[K] } = {};
  for (const [key, value] of Object.entries(attribute)) {
    switch (key) {
      case 'origin':
        if (value !== 'igp' && value !== 'egp' && value !== 'incomplete') throw shapeError(key, value);
        out.origin = value as Origin;
        break;
      case 'as-path':
        if (!Array.isArray(value) || !value.every(isUint)) throw shapeError(key, value);
        out.asPath = value as number[];
        break;
      case 'med':
        if (!isUint(value)) throw shapeError(key, value);
        out.med = value;
        break;
      case 'local-preference':
        if (!isUint(value)) throw shapeError(key, value);
        out.localPref = value;
        break;
      case 'community':
        out.communities = numberTuples(key, value, 2);
        break;
      case 'large-community':
        out.largeCommunities = numberTuples(key, value, 3);
        break;
      case 'extended-community':
        if (!Array.isArray(value) || !value.every((c) => isRecord(c) && typeof c.string === 'string' && isUint(c.value))) {
          throw shapeError(key, value);
        }
        out.extendedCommunities = value.map((c: { string: string }) => c.string);
        break;
    }
  }
  return out;
}

/**
 * What one neighbor has announced and not withdrawn, rebuilt from its events in order. A session
 * going down forgets everything (ExaBGP prints no withdrawals when a session drops).
 */
export class RibFromEvents {
  private readonly routes = new Map<string, Route>();

  constructor(private readonly peer: string) {}

  apply(event: ExaEvent): void {
    if (peerOf(event) !== this.peer) return;
    const state = stateOf(event);
    if (state !== undefined && state !== 'up') this.routes.clear();
    for (const prefix of withdrawnPrefixes(event)) this.routes.delete(prefix);
    for (const route of announcedRoutes(event)) this.routes.set(route.prefix, route);
  }

  list(): Route[] {
    return [...this.routes.values()];
  }
}

function numberTuples(key: string, value: unknown, size: number): string[] {
  if (!Array.isArray(value) || !value.every((t) => Array.isArray(t) && t.length === size && t.every(isUint))) {
    throw shapeError(key, value);
  }
  return value.map((t: number[]) => t.join(':'));
}

function shapeError(key: string, value: unknown): Error {
  return new Error(`attribute "${key}" is not in ExaBGP's JSON shape: ${JSON.stringify(value)}`);
}

function isUint(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
