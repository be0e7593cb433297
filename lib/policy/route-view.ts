/**
 * One route of a batch, as a policy's per-route function sees it. A full table is a million
 * routes, so the helpers hand the function one reused cursor rather than an object per route:
 * read what you need inside the call, and copy it (`snapshot()`) if you keep it. IPv4 prefixes
 * held packed by the decoder (lib/wire/nlri/packed-ipv4.ts) are matched by number (`ipv4`,
 * `length`); their text is only made when `prefix` is read.
 */
import { Afi } from '../wire/iana';
import { formatIpv4Number } from '../wire/address';
import { packedAddress, packedLength, parseIpv4PrefixPacked } from '../wire/nlri/ipv4-prefix';
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

/** A plain copy of a route, to keep beyond the call that saw it. */
export interface RouteSnapshot extends RouteView {}

/** The reused cursor behind RouteView. */
export class RouteCursor implements RouteView {
  afi = 0;
  safi = 0;
  nextHop: readonly string[] = [];
  attributes: PathAttributes = {};
  pathId: number | undefined;
  private packed: PackedIpv4 | undefined;
  private pathIdsOf: readonly number[] | undefined;
  private texts: readonly string[] = [];
  private index = 0;
  private v4 = -1;
  private bits = 0;

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

  /** Moves to route i of the list. */
  at(i: number): this {
    this.index = i;
    this.pathId = this.pathIdsOf?.[i];
    if (this.packed) {
      const p = this.packed[i];
      this.v4 = packedAddress(p);
      this.bits = packedLength(p);
      return this;
    }
    const text = this.texts[i];
    if (this.afi === Afi.IPV4) {
      const p = parseIpv4PrefixPacked(text);
      this.v4 = p >= 0 ? packedAddress(p) : -1;
      this.bits = p >= 0 ? packedLength(p) : Number(text.slice(text.indexOf('/') + 1));
    } else {
      this.v4 = -1;
      this.bits = Number(text.slice(text.lastIndexOf('/') + 1));
    }
    return this;
  }

  get prefix(): string {
    return this.packed ? `${formatIpv4Number(this.v4)}/${this.bits}` : this.texts[this.index];
  }

  get length(): number {
    return this.bits;
  }

  get ipv4(): number {
    return this.v4;
  }

  snapshot(): RouteSnapshot {
    return {
      afi: this.afi,
      safi: this.safi,
      prefix: this.prefix,
      length: this.bits,
      ipv4: this.v4,
      pathId: this.pathId,
      nextHop: this.nextHop,
      attributes: this.attributes,
    };
  }
}
