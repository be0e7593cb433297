/**
 * One Route Target membership NLRI (RFC 4684 §4): a prefix of (origin AS (4 octets), route target
 * (8 octets)), `bits` long. 0 bits is the default route target constraint (RFC 4684 §4: a zero-length
 * prefix, "send me every VPN route"); otherwise 32 to 96 bits, the origin AS always whole.
 */
export interface RtcNlri {
  /** The prefix length in bits: 0, or 32..96. */
  readonly bits: number;
  /** Origin AS (0 in the default route). */
  readonly origin: number;
  /** The route target's 8 octets as a bigint (RFC 4360), the bits past the prefix zero. */
  readonly rt: bigint;
}

export const RTC_FULL_BITS = 96;
export const ORIGIN_BITS = 32;

/** The route target with only its first `rtBits` bits kept (RFC 4684 §4: the rest are outside the prefix). */
export function maskRouteTarget(rt: bigint, rtBits: number): bigint {
  if (rtBits <= 0) return 0n;
  if (rtBits >= 64) return rt;
  return rt & (((1n << BigInt(rtBits)) - 1n) << BigInt(64 - rtBits));
}
