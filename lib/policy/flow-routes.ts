/**
 * FlowSpec rules in policies (RFC 8955, RFC 8956): `filterFlows` and `flowAttributes` hand their
 * function each announced rule of a flow family as a FlowRouteView, that is the flow family's own
 * policy view (components: destination, protocols, ports..., lib/families/flow/flow-view.ts) with the
 * route's attributes and the FlowSpec actions decoded from its extended communities (RFC 8955 §7).
 * `mapFlowActions` rewrites those actions (cap a rate, drop a redirect) and keeps every other
 * extended community. Lists of other families pass through untouched, and withdrawals pass as they are.
 */
import { flowActionCommunity, flowActionOf, type FlowAction } from '../families/flowspec';
import type { FlowComponentName, FlowPrefixView, FlowView } from '../families';
import type { PathAttributes } from '../wire/types';
import { attributesByKind, filterByKind, type FamilyRoute } from './family-routes';
import type { Policy } from './types';

/** One announced FlowSpec rule as filterFlows and flowAttributes show it. */
export interface FlowRouteView extends FlowView {
  readonly safi: number;
  /** ExaBGP's family name ("ipv4 flow", "ipv6 flow"). */
  readonly family: string;
  /** RFC 7911 path identifier, when ADD-PATH is on. */
  readonly pathId: number | undefined;
  /** Empty, or the address a peer put in MP_REACH_NLRI for a redirect to IP (RFC 7674). */
  readonly nextHop: readonly string[];
  /** The batch's attributes. */
  readonly attributes: PathAttributes;
  /** The FlowSpec actions among the attributes' extended communities, decoded, in order (RFC 8955 §7). */
  readonly actions: readonly FlowAction[];
  /** The traffic-rate in bytes per second (0x8006), or undefined; the lowest when there are several. 0 means discard. */
  readonly rateLimit: number | undefined;
  /** The traffic-rate in packets per second (0x800c), or undefined; the lowest when there are several. */
  readonly rateLimitPackets: number | undefined;
  /** Whether a traffic-rate of 0 says to drop the traffic (RFC 8955 §7.1, ExaBGP's `discard`). */
  readonly discard: boolean;
}

/** Keeps the announced FlowSpec rules `keep` accepts; the others are withdrawn. Other families and withdrawals pass as they are. */
export function filterFlows(keep: (flow: FlowRouteView) => boolean): Policy {
  return filterByKind('flow', flowRoute, keep);
}

/**
 * routeAttributes for FlowSpec rules: `choose` returns the attributes a rule goes out with (its
 * `attributes` for no change), or null to withdraw it. Rules given the same object travel together:
 * cache the changed object per input attributes. Routes of other families keep the batch's attributes.
 */
export function flowAttributes(choose: (flow: FlowRouteView) => PathAttributes | null): Policy {
  return attributesByKind('flow', flowRoute, choose);
}

/**
 * The attributes with each FlowSpec action community replaced by what `change` returns for its
 * action (the same object for no change, null to remove it); other extended communities stay as
 * they are, in place. Returns `attributes` itself when nothing changed.
 */
export function mapFlowActions(attributes: PathAttributes, change: (action: FlowAction) => FlowAction | null): PathAttributes {
  const list = attributes.extendedCommunities;
  if (!list) return attributes;
  let out: bigint[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const action = flowActionOf(list[i]);
    const next = action && change(action);
    if (next === undefined || next === action) {
      out?.push(list[i]);
      continue;
    }
    out ??= list.slice(0, i);
    if (next !== null) out.push(flowActionCommunity(next));
  }
  return out ? { ...attributes, extendedCommunities: out } : attributes;
}

/** What a set of attributes says, decoded once per attributes object (a batch's rules share one). */
interface DecodedActions {
  readonly actions: readonly FlowAction[];
  readonly rateLimit: number | undefined;
  readonly rateLimitPackets: number | undefined;
}

const DECODED = new WeakMap<PathAttributes, DecodedActions>();
const NONE: DecodedActions = { actions: [], rateLimit: undefined, rateLimitPackets: undefined };

function decodedActions(attributes: PathAttributes): DecodedActions {
  const list = attributes.extendedCommunities;
  if (!list || list.length === 0) return NONE;
  let known = DECODED.get(attributes);
  if (known) return known;
  const actions: FlowAction[] = [];
  let rateLimit: number | undefined;
  let rateLimitPackets: number | undefined;
  for (const value of list) {
    const action = flowActionOf(value);
    if (!action) continue;
    actions.push(action);
    if (action.kind === 'rate-limit') rateLimit = Math.min(rateLimit ?? Infinity, action.bytesPerSecond);
    if (action.kind === 'rate-limit-packets') rateLimitPackets = Math.min(rateLimitPackets ?? Infinity, action.packetsPerSecond);
  }
  known = { actions, rateLimit, rateLimitPackets };
  DECODED.set(attributes, known);
  return known;
}

/** A FamilyRoute of a flow family with the flow view's accessors on itself. */
class FlowRoute implements FlowRouteView {
  readonly kind = 'flow';
  private readonly decoded: DecodedActions;

  constructor(private readonly route: FamilyRoute<FlowView>) {
    this.decoded = decodedActions(route.attributes);
  }

  get afi() {
    return this.route.view.afi;
  }
  get safi(): number {
    return this.route.safi;
  }
  get family(): string {
    return this.route.family;
  }
  get pathId(): number | undefined {
    return this.route.pathId;
  }
  get nextHop(): readonly string[] {
    return this.route.nextHop;
  }
  get attributes(): PathAttributes {
    return this.route.attributes;
  }
  get rule() {
    return this.route.view.rule;
  }
  get text(): string {
    return this.route.view.text;
  }
  get destination(): FlowPrefixView | undefined {
    return this.route.view.destination;
  }
  get source(): FlowPrefixView | undefined {
    return this.route.view.source;
  }
  get protocols(): readonly number[] | undefined {
    return this.route.view.protocols;
  }
  get ports(): readonly number[] | undefined {
    return this.route.view.ports;
  }
  get destinationPorts(): readonly number[] | undefined {
    return this.route.view.destinationPorts;
  }
  get sourcePorts(): readonly number[] | undefined {
    return this.route.view.sourcePorts;
  }
  component(type: FlowComponentName) {
    return this.route.view.component(type);
  }
  values(type: FlowComponentName) {
    return this.route.view.values(type);
  }
  componentText(type: FlowComponentName) {
    return this.route.view.componentText(type);
  }
  get actions(): readonly FlowAction[] {
    return this.decoded.actions;
  }
  get rateLimit(): number | undefined {
    return this.decoded.rateLimit;
  }
  get rateLimitPackets(): number | undefined {
    return this.decoded.rateLimitPackets;
  }
  get discard(): boolean {
    return this.decoded.rateLimit === 0;
  }
}

const flowRoute = (route: FamilyRoute<FlowView>): FlowRouteView => new FlowRoute(route);
