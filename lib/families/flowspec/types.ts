/**
 * The FlowSpec NLRI value (RFC 8955 §4, RFC 8956 §3) as plain data: a rule is its components in
 * the order the RFC requires (strictly increasing type), plus a route distinguisher for
 * flow-vpn (SAFI 134, RFC 8955 §8). Easy to compare in tests, to log, to hand to policies.
 */
import type { RouteDistinguisher } from '../route-distinguisher';

/** Route Distinguisher (RFC 4364 §4.2), shared with the other VPN families (lib/families/route-distinguisher). */
export type { RouteDistinguisher };

/** AFI 1 (IPv4, RFC 8955) or 2 (IPv6, RFC 8956). */
export type FlowAfi = 1 | 2;
/** SAFI 133 (dissemination of flow specification rules) or 134 (the same for VPNs), RFC 8955 §11. */
export type FlowSafi = 133 | 134;

export interface FlowFamily {
  readonly afi: FlowAfi;
  readonly safi: FlowSafi;
}

/**
 * One {numeric_op, value} pair (RFC 8955 §4.2.1.1). `lt`, `gt` and `eq` all false means "false",
 * all true means "true". `and` ANDs this pair with the previous one (else it is ORed); it is
 * always false on the first pair of a component (the RFC says it MUST be unset there and ignored
 * on receipt). The value's wire length (1, 2 or 4 octets) is the smallest that holds it.
 */
export interface NumericOp {
  readonly and: boolean;
  readonly lt: boolean;
  readonly gt: boolean;
  readonly eq: boolean;
  readonly value: number;
}

/**
 * One {bitmask_op, value} pair (RFC 8955 §4.2.1.2): without `match`, true when any bit of `value`
 * is set in the packet ((data & value) != 0); with `match`, true when all are ((data & value) == value);
 * `not` negates the result. `and` as for NumericOp.
 */
export interface BitmaskOp {
  readonly and: boolean;
  readonly not: boolean;
  readonly match: boolean;
  readonly value: number;
}

/**
 * Destination (type 1) or source (type 2) prefix. IPv4 (RFC 8955 §4.2.2.1): `prefix` is "a.b.c.d/len"
 * and `offset` is 0. IPv6 (RFC 8956 §3.1): only bits [offset, length) are matched; `prefix` is the
 * address with every other bit zero, "x::/length", and `offset` says where matching starts.
 */
export interface PrefixComponent {
  readonly kind: 'prefix';
  readonly type: 1 | 2;
  readonly prefix: string;
  readonly offset: number;
}

/** Components compared with numeric operators: protocol / next header (3), ports (4-6), ICMP type (7) and code (8), packet length (10), DSCP (11), flow label (13). */
export interface NumericComponent {
  readonly kind: 'numeric';
  readonly type: 3 | 4 | 5 | 6 | 7 | 8 | 10 | 11 | 13;
  readonly ops: readonly NumericOp[];
}

/** Components compared with bitmask operators: TCP flags (9) and fragment (12). */
export interface BitmaskComponent {
  readonly kind: 'bitmask';
  readonly type: 9 | 12;
  readonly ops: readonly BitmaskOp[];
}

export type FlowComponent = PrefixComponent | NumericComponent | BitmaskComponent;


/** One flow specification: components in strictly increasing type order, and an RD for flow-vpn. */
export interface FlowRule {
  readonly rd?: RouteDistinguisher;
  readonly components: readonly FlowComponent[];
}
