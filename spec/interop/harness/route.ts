/**
 * One route as the interop suite handles it: the shape of a route in rxbgp's JSON config, used
 * both for what a speaker is told to announce and for what a daemon reports it holds. Each peer
 * module translates its daemon's own notation into these texts, so specs compare like with like:
 * communities "65001:100" (RFC 1997), large communities "65001:1:2" (RFC 8092), extended
 * communities in ExaBGP's text, e.g. "target:65001:1" (RFC 4360 route target).
 */

export type Origin = 'igp' | 'egp' | 'incomplete';

export interface Route {
  readonly prefix: string;
  readonly nextHop: string;
  readonly origin?: Origin;
  readonly asPath?: readonly number[];
  readonly med?: number;
  readonly localPref?: number;
  readonly communities?: readonly string[];
  readonly largeCommunities?: readonly string[];
  readonly extendedCommunities?: readonly string[];
}

export type UnicastFamily = 'ipv4 unicast' | 'ipv6 unicast';

export function familyOf(prefix: string): UnicastFamily {
  return prefix.includes(':') ? 'ipv6 unicast' : 'ipv4 unicast';
}

/** RFC 1997 community as one 32-bit number (GoBGP's JSON) to "high:low". */
export function communityText(value: number): string {
  return `${Math.floor(value / 65536)}:${value % 65536}`;
}

/**
 * RFC 4360 two-octet-AS / IPv4 / four-octet-AS specific extended communities, sub-type 0x02 (route
 * target) and 0x03 (route origin), in ExaBGP's text. Types are the high-order octet with the
 * transitive bit clear: 0x00 two-octet AS, 0x01 IPv4 address, 0x02 four-octet AS (RFC 5668).
 */
export function extendedCommunityText(type: number, subtype: number, value: string): string {
  const kind = subtype === 0x02 ? 'target' : subtype === 0x03 ? 'origin' : undefined;
  if (kind === undefined || type > 0x02) return `type ${type} subtype ${subtype} ${value}`;
  return `${kind}:${value}`;
}
