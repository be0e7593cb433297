/**
 * The NLRI value of the labeled families: a prefix behind an MPLS label stack (labeled unicast,
 * SAFI 4, RFC 8277) and, for L3VPN (SAFI 128, RFC 4364 §4.3.4, RFC 4659 §3.2), a route
 * distinguisher between the labels and the prefix.
 */
import type { RouteDistinguisher } from '../route-distinguisher';

/** AFI 1 (IPv4) or 2 (IPv6). */
export type LabeledAfi = 1 | 2;
/** SAFI 4 (labeled unicast, RFC 8277) or 128 (MPLS-labeled VPN address, RFC 4364). */
export type LabeledSafi = 4 | 128;

export interface LabeledFamily {
  readonly afi: LabeledAfi;
  readonly safi: LabeledSafi;
}

export interface LabeledPrefix {
  /** Canonical prefix text, "10.0.0.0/25" or "2001:db8::/48" (host bits clear). */
  readonly prefix: string;
  /**
   * The label stack as its 3-octet entries (RFC 3032 §2.1: label << 4 | TC << 1 | S), so what a
   * peer sent is sent back as it was: a withdrawal's 0x800000 (RFC 8277 §2.4) has no S bit.
   */
  readonly stack: readonly number[];
  /** The route distinguisher of an L3VPN route (SAFI 128); absent for labeled unicast. */
  readonly rd?: RouteDistinguisher;
}

/** The label of a stack entry (its 20 high bits). */
export const labelOf = (entry: number): number => entry >>> 4;
/** The entry a label gets in a stack of labels written by hand: S set on the last (RFC 3032 §2.1). */
export const entryOf = (label: number, last: boolean): number => ((label << 4) | (last ? 1 : 0)) >>> 0;
/** The largest MPLS label (20 bits). */
export const MAX_LABEL = 0xfffff;

/** RFC 8277 §2.4 / RFC 3107 §3: the labels a withdrawal carries; reading stops at them. */
export const WITHDRAW_LABEL = 0x800000;
export const ZERO_LABEL = 0x000000;

/** True when the stack is what labels written by hand give (no TC bits, S only on the last). */
export function isPlainStack(stack: readonly number[]): boolean {
  for (let i = 0; i < stack.length; i++) if (stack[i] !== entryOf(labelOf(stack[i]), i === stack.length - 1)) return false;
  return true;
}
