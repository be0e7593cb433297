/**
 * Typed commands of ExaBGP's text API (the grammar helper processes print on their stdout,
 * also used by the control socket and `rxbgp cli`). The parser turns one line into one of these;
 * the executor carries it out.
 */
import type { Family, PathAttributes } from '../../wire/types';

/** `neighbor <ip> [local-ip <ip>] [local-as <asn>] [peer-as <asn>] [router-id <id>] [family-allowed <f>]`. */
export interface NeighborSelector {
  readonly address: string;
  readonly localIp?: string;
  readonly localAs?: number;
  readonly peerAs?: number;
  readonly routerId?: string;
  /** ExaBGP's family-allowed value, e.g. "ipv4-unicast/ipv6-unicast" or "in-open". */
  readonly familyAllowed?: string;
}

/** One route of an announce/withdraw command (after `split` expansion). */
export interface RouteSpec {
  readonly afi: number;
  readonly safi: number;
  /** Canonical prefix text. */
  readonly prefix: string;
  /** IPv4: the prefix as address * 64 + length (nlri/ipv4-prefix.ts), so the RIB need not parse the text again. */
  readonly packed?: number;
  /** "self" or an address. */
  readonly nextHop: string;
  readonly pathId?: number;
  readonly attributes: PathAttributes;
  /** ExaBGP `watchdog <name>`: announced only while the watchdog is not withdrawn. */
  readonly watchdog?: string;
  /** ExaBGP `name <text>`: a label, kept for show output. */
  readonly name?: string;
  /** The NLRI value the family parsed (a FlowSpec rule), so later layers need not parse `prefix` again. */
  readonly nlri?: unknown;
}

export type Command =
  | { readonly kind: 'announce-route'; readonly selectors?: readonly NeighborSelector[]; readonly routes: readonly RouteSpec[] }
  | { readonly kind: 'withdraw-route'; readonly selectors?: readonly NeighborSelector[]; readonly routes: readonly RouteSpec[] }
  | { readonly kind: 'announce-eor'; readonly selectors?: readonly NeighborSelector[]; readonly family?: Family }
  | { readonly kind: 'announce-route-refresh'; readonly selectors?: readonly NeighborSelector[]; readonly family: Family }
  | { readonly kind: 'announce-watchdog'; readonly selectors?: readonly NeighborSelector[]; readonly name: string }
  | { readonly kind: 'withdraw-watchdog'; readonly selectors?: readonly NeighborSelector[]; readonly name: string }
  | { readonly kind: 'teardown'; readonly selectors?: readonly NeighborSelector[]; readonly subcode: number }
  | { readonly kind: 'show-neighbor'; readonly address?: string; readonly mode: 'summary' | 'extensive' | 'configuration'; readonly json: boolean }
  | { readonly kind: 'show-adj-rib'; readonly direction: 'in' | 'out'; readonly extensive: boolean; readonly selectors?: readonly NeighborSelector[] }
  | { readonly kind: 'flush-adj-rib-out'; readonly selectors?: readonly NeighborSelector[] }
  | { readonly kind: 'clear-adj-rib'; readonly direction: 'in' | 'out' | 'both'; readonly selectors?: readonly NeighborSelector[] }
  | { readonly kind: 'shutdown' }
  | { readonly kind: 'reload' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'version' }
  | { readonly kind: 'help' }
  | { readonly kind: 'ack'; readonly mode: 'enable' | 'disable' | 'silence' }
  | { readonly kind: 'comment' };

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };
