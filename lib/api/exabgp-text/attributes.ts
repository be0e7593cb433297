/**
 * The attribute text ExaBGP appends to every announced route of an UPDATE (Attributes._generate_text()
 * in exabgp/bgp/message/update/attribute/attributes.py): " name value" per attribute, in type
 * code order, NEXT_HOP left out (the route line names it), unknown transitive attributes as
 * " attribute [ 0xTT 0xFF 0x<hex> ]", and the RFC 7606 outcome last as " error …" (ExaBGP's
 * internal codes 0xFFFE discard and 0xFFFF treat-as-withdraw sort last).
 *
 * Communities, large communities and extended communities are printed sorted by their octets,
 * a list of one without brackets (Communities.__repr__); the cluster list always in brackets.
 */
import { AttrFlag, AttrType } from '../../wire/iana';
import type { Aggregator, PathAttributes, UnknownAttribute, UpdateMessage } from '../../wire/types';
import { asPathText, flattenAsPath } from '../exabgp-json/as-path';
import { aigpText } from '../exabgp-json/aigp-text';
import { prefixSidText } from '../exabgp-json/prefix-sid';
import { exabgpAggregators, exabgpAsPath, exabgpIpv6ExtendedCommunities, printableUnknown } from '../exabgp-json/exabgp-view';
import { extendedCommunityText } from './extended-community';

const ORIGIN_NAMES = ['igp', 'egp', 'incomplete'];

/** Communities.__repr__: one item bare, several sorted between "[ " and " ]". */
function listText(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `[ ${items.join(' ')} ]`;
}

/** RFC 1997 well-known communities under ExaBGP's names (community/initial/community.py). */
const WELL_KNOWN: ReadonlyMap<number, string> = new Map([
  [0xffffff01, 'no-export'],
  [0xffffff02, 'no-advertise'],
  [0xffffff03, 'no-export-subconfed'],
  [0xffffff04, 'no-peer'],
  [0xffff029a, 'blackhole'], // RFC 7999
]);

function communitiesText(communities: readonly number[]): string {
  const sorted = communities.map((c) => c >>> 0).sort((a, b) => a - b);
  return listText(sorted.map((c) => WELL_KNOWN.get(c) ?? `${c >>> 16}:${c & 0xffff}`));
}

/** RFC 8092: ExaBGP's decoder drops duplicates, its text sorts by the 12 octets. */
function largeCommunitiesText(large: ReadonlyArray<readonly [number, number, number]>): string {
  const seen = new Set<string>();
  const kept: Array<readonly [number, number, number]> = [];
  for (const lc of large) {
    const key = lc.join(':');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(lc);
  }
  kept.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return listText(kept.map((lc) => lc.join(':')));
}

/** Aggregator.__repr__ "asn:speaker", inside the "( %s )" of its representation. */
function aggregatorText(asn: number, a: Aggregator): string {
  return `( ${asn}:${a.address} )`;
}

/** ExaBGP's aggregators in its text form (see exabgpAggregators); both are named "aggregator". */
function aggregators(a: PathAttributes, asn4: boolean): { aggregator?: string; as4Aggregator?: string } {
  const { aggregator, as4Aggregator } = exabgpAggregators(a, asn4);
  return {
    ...(aggregator ? { aggregator: aggregatorText(...aggregator) } : {}),
    ...(as4Aggregator ? { as4Aggregator: aggregatorText(...as4Aggregator) } : {}),
  };
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** GenericAttribute: flags with the Partial bit ExaBGP sets on unknown transitive attributes, value in lower-case hex. */
function unknownText(u: UnknownAttribute): string {
  const ipv6 = exabgpIpv6ExtendedCommunities(u);
  if (ipv6 !== undefined) return ` attribute [ 0x19 0xC0 ${ipv6} ]`;
  const flags = (u.flags | AttrFlag.PARTIAL | (u.value.length > 255 ? AttrFlag.EXTENDED_LENGTH : 0)) & 0xff;
  return ` attribute [ 0x${hex2(u.type)} 0x${hex2(flags)} 0x${u.value.toString('hex')} ]`;
}

/**
 * str(update.attributes): every part starts with a space. `asn4` says whether the session uses
 * 4-octet AS numbers (RFC 6793), which changes how ExaBGP reads the aggregators.
 */
export function attributesText(msg: UpdateMessage, asn4: boolean): string {
  const a = msg.attributes;
  const aggs = aggregators(a, asn4);
  const treatAsWithdraw = msg.errorAction === 'treat-as-withdraw';
  const unknown = printableUnknown(a);
  let out = '';
  let u = 0;
  /** Unknown attributes sort among the known ones by type code. */
  const unknownBefore = (code: number): void => {
    while (u < unknown.length && unknown[u].type < code) out += unknownText(unknown[u++]);
  };

  unknownBefore(AttrType.ORIGIN);
  if (a.origin !== undefined) out += ` origin ${ORIGIN_NAMES[a.origin] ?? 'invalid'}`;
  unknownBefore(AttrType.AS_PATH);
  const path = exabgpAsPath(a, treatAsWithdraw);
  if (path) out += ` as-path ${asPathText(path)}`;
  unknownBefore(AttrType.MULTI_EXIT_DISC);
  if (a.med !== undefined) out += ` med ${a.med}`;
  unknownBefore(AttrType.LOCAL_PREF);
  if (a.localPref !== undefined) out += ` local-preference ${a.localPref}`;
  unknownBefore(AttrType.ATOMIC_AGGREGATE);
  if (a.atomicAggregate) out += ' atomic-aggregate';
  unknownBefore(AttrType.AGGREGATOR);
  if (aggs.aggregator) out += ` aggregator ${aggs.aggregator}`;
  unknownBefore(AttrType.COMMUNITIES);
  if (a.communities && a.communities.length) out += ` community ${communitiesText(a.communities)}`;
  unknownBefore(AttrType.ORIGINATOR_ID);
  if (a.originatorId !== undefined) out += ` originator-id ${a.originatorId}`;
  unknownBefore(AttrType.CLUSTER_LIST);
  // ClusterList.__repr__ compares its length in octets with 1, so even one id is bracketed.
  if (a.clusterList && a.clusterList.length) out += ` cluster-list [ ${a.clusterList.join(' ')} ]`;
  unknownBefore(AttrType.EXTENDED_COMMUNITIES);
  if (a.extendedCommunities && a.extendedCommunities.length) out += ` extended-community ${extendedCommunityText(a.extendedCommunities)}`;
  unknownBefore(AttrType.AS4_PATH);
  // Without an AS_PATH to merge into (or when ExaBGP skipped the merge) AS4_PATH has no name: printed as generic.
  if (a.as4Path && a.as4Path.length && (!path || treatAsWithdraw)) out += ` attribute [ 0x11 0xC0 ${asPathText(flattenAsPath(a.as4Path))} ]`;
  unknownBefore(AttrType.AS4_AGGREGATOR);
  if (aggs.as4Aggregator) out += ` aggregator ${aggs.as4Aggregator}`;
  unknownBefore(AttrType.AIGP);
  // RFC 7311; ExaBGP 5's AIGP.__repr__ (4.2 cannot decode AIGP: docs/exabgp-differences.md).
  if (a.aigp !== undefined) out += ` aigp ${aigpText(a.aigp)}`;
  unknownBefore(AttrType.LARGE_COMMUNITIES);
  if (a.largeCommunities && a.largeCommunities.length) out += ` large-community ${largeCommunitiesText(a.largeCommunities)}`;
  unknownBefore(AttrType.BGP_PREFIX_SID);
  if (a.prefixSid && a.prefixSid.length) out += ` bgp-prefix-sid ${prefixSidText(a.prefixSid)}`;
  unknownBefore(0x10000);
  if (msg.errorAction === 'discard') out += ' error discard';
  if (treatAsWithdraw) out += ' error treat-as-withdraw';
  return out;
}
