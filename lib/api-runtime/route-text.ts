/**
 * A route in ExaBGP's text syntax (`10.0.0.0/24 next-hop 198.51.100.1 origin igp as-path [ 65001 ]
 * ...`), the form `show adj-rib` prints and `announce route` reads back.
 */
import { formatCommunity, formatExtendedCommunity, formatFamily, formatLargeCommunity } from '../config';
import { extendedCommunityText } from '../api/exabgp-text/extended-community';
import { prefixSidText } from '../api/exabgp-json/prefix-sid';
import type { PathAttributes, PrefixSidTlv } from '../wire/types';

const ORIGINS = ['igp', 'egp', 'incomplete'];

/**
 * The config's form (which `announce route` reads back), else ExaBGP's name where it has one:
 * FlowSpec actions print as `rate-limit:9600`, `redirect:65000:100` (RFC 8955 §7), as the flow
 * grammar reads them, not as 16 hex digits.
 */
function extendedCommunityWord(value: bigint): string {
  const text = formatExtendedCommunity(value);
  return text.startsWith('0x') ? extendedCommunityText([value]) : text;
}

/** `bgp-prefix-sid [ ... ]` or, for an SRv6 service, `bgp-prefix-sid-srv6 ( ... )`, as `announce route` reads them. */
function prefixSidWords(tlvs: readonly PrefixSidTlv[]): string[] {
  const service = tlvs.find((t) => 'subTlvs' in t);
  const info = service && 'subTlvs' in service ? service.subTlvs.find((s) => 'sid' in s) : undefined;
  if (!tlvs.some((t) => 'labelIndex' in t) && service && info && 'sid' in info) {
    const structure = info.subSubTlvs.find((s) => 'structure' in s);
    const lengths = structure && 'structure' in structure ? ` [${structure.structure.join(',')}]` : '';
    return ['bgp-prefix-sid-srv6', `( ${service.type === 5 ? 'l3' : 'l2'}-service ${info.sid} 0x${info.behavior.toString(16)}${lengths} )`];
  }
  return ['bgp-prefix-sid', prefixSidText(tlvs)];
}

export function routeText(afi: number, safi: number, prefix: string, nextHop: readonly string[] | string, a: PathAttributes): string {
  const hop = Array.isArray(nextHop) ? nextHop[0] : (nextHop as string);
  // A family without next hops (FlowSpec, RFC 8955 §4: zero-length in MP_REACH_NLRI) prints none.
  const parts = hop ? [formatFamily(afi, safi), prefix, 'next-hop', hop] : [formatFamily(afi, safi), prefix];
  if (a.origin !== undefined) parts.push('origin', ORIGINS[a.origin] ?? String(a.origin));
  if (a.asPath?.length) parts.push('as-path', `[ ${a.asPath.map((s) => (s.type === 1 || s.type === 4 ? `( ${s.asns.join(' ')} )` : s.asns.join(' '))).join(' ')} ]`);
  if (a.med !== undefined) parts.push('med', String(a.med));
  if (a.localPref !== undefined) parts.push('local-preference', String(a.localPref));
  if (a.atomicAggregate) parts.push('atomic-aggregate');
  if (a.aggregator) parts.push('aggregator', `( ${a.aggregator.asn}:${a.aggregator.address} )`);
  if (a.originatorId) parts.push('originator-id', a.originatorId);
  if (a.clusterList?.length) parts.push('cluster-list', `[ ${a.clusterList.join(' ')} ]`);
  if (a.communities?.length) parts.push('community', `[ ${a.communities.map(formatCommunity).join(' ')} ]`);
  if (a.largeCommunities?.length) parts.push('large-community', `[ ${a.largeCommunities.map(formatLargeCommunity).join(' ')} ]`);
  if (a.extendedCommunities?.length) parts.push('extended-community', `[ ${a.extendedCommunities.map(extendedCommunityWord).join(' ')} ]`);
  if (a.aigp !== undefined) parts.push('aigp', String(a.aigp)); // RFC 7311
  if (a.prefixSid?.length) parts.push(...prefixSidWords(a.prefixSid)); // RFC 8669, RFC 9252
  return parts.join(' ');
}
