/**
 * One route of a batch, as a policy's per-route function sees it. A full table is a million
 * routes, so the helpers hand the function one reused cursor rather than an object per route:
 * read what you need inside the call, and copy it (`snapshot()`) if you keep it. IPv4 prefixes
 * held packed by the decoder (lib/wire/nlri/packed-ipv4.ts) are matched by number (`ipv4`,
 * `length`); their text is only made when `prefix` is read.
 */
import { Afi, Safi } from '../wire/iana';
import { formatIpv4Number } from '../wire/address';
import { INV_LENGTH_SLOTS, LENGTH_SLOTS, packedAddress, packedLength, parseIpv4PrefixPacked } from '../wire/nlri/ipv4-prefix';
import { packedIpv4Of, type PackedIpv4 } from '../wire/nlri/packed-ipv4';
import type { Announced, PathAttributes } from '../wire/types';

export interface RouteView {
  readonly afi: number;
  readonly safi: number;
  /** Canonical text, "10.0.0.0/24" or "2001:db8::/32" (made when read for packed IPv4). */
  readonly prefix: string;
  /** The prefix length. */
  readonly length: number;
  /** IPv4: the network address as a uint32; -1 for other families. */
  readonly ipv4: number;
  /** RFC 7911 path identifier, when ADD-PATH is on. */
  readonly pathId: number | undefined;
  readonly nextHop: readonly string[];
  readonly attributes: PathAttributes;
}

/**
 * Whether a list's NLRI are IP prefixes, which is what the route view and the prefix helpers
 * (filterRoutes, routeAttributes, maxPrefixLength, prefix lists) read. Lists of other families
 * (FlowSpec rules, RFC 8955) pass through those helpers untouched: a /24 length filter must not
 * withdraw every FlowSpec rule because a rule has no prefix length. Those routes have helpers of
 * their own, over their family's policy view (FamilyDescriptor.policyView): family-routes.ts, and
 * flow-routes.ts for FlowSpec.
 */
export function holdsPrefixes(list: { readonly afi: number; readonly safi: number }): boolean {
  return (list.afi === Afi.IPV4 || list.afi === Afi.IPV6) && (list.safi === Safi.UNICAST || list.safi === Safi.MULTICAST);
}

/** A plain copy of a route, to keep beyond the call that saw it. */
export interface RouteSnapshot extends RouteView {}

/** The reused cursor behind RouteView: plain fields, set per route, so a predicate reads them at field speed. */
export class RouteCursor implements RouteView {
  afi = 0;
  safi = 0;
  nextHop: readonly string[] = [];
  attributes: PathAttributes = {};
  length = 0;
  ipv4 = -1;
  /** Index of the route in its list. */
  index = 0;
  private packed: PackedIpv4 | undefined;
  private pathIdsOf: readonly number[] | undefined;
  private texts: readonly string[] = [];

  /** Points the cursor at `list` (its routes then at()) with the batch's attributes. */
  over(list: Announced, attributes: PathAttributes): this {
    this.afi = list.afi;
    this.safi = list.safi;
    this.nextHop = list.nextHop;
    this.attributes = attributes;
    this.packed = list.afi === Afi.IPV4 ? packedIpv4Of(list) : undefined;
    this.texts = this.packed ? [] : list.prefixes;
    this.pathIdsOf = list.pathIds;
    return this;
  }

  /** The packed prefixes of the list the cursor is over, if it holds them so (for loops that set fields themselves). */
  get packedList(): PackedIpv4 | undefined {
    return this.packed;
  }

  /** Moves to route i of the list. */
  at(i: number): this {
    this.index = i;
    if (this.packed) {
      const p = this.packed[i];
      const address = Math.floor(p * INV_LENGTH_SLOTS);
      this.ipv4 = address;
      this.length = p - address * LENGTH_SLOTS;
      return this;
    }
    const text = this.texts[i];
    if (this.afi === Afi.IPV4) {
      const p = parseIpv4PrefixPacked(text);
      this.ipv4 = p >= 0 ? packedAddress(p) : -1;
      this.length = p >= 0 ? packedLength(p) : Number(text.slice(text.indexOf('/') + 1));
    } else {
      this.ipv4 = -1;
      this.length = Number(text.slice(text.lastIndexOf('/') + 1));
    }
    return this;
  }

  get pathId(): number | undefined {
    return this.pathIdsOf?.[this.index];
  }

  get prefix(): string {
    return this.packed ? `${formatIpv4Number(this.ipv4)}/${this.length}` : this.texts[this.index];
  }

  snapshot(): RouteSnapshot {
    return {
      afi: this.afi,
      safi: this.safi,
      prefix: this.prefix,
      length: this.length,
      ipv4: this.ipv4,
      pathId: this.pathId,
      nextHop: this.nextHop,
      attributes: this.attributes,
    };
  }
}
