/**
 * The "attribute" object of an UPDATE event, as ExaBGP's Attributes.json() writes it: members in
 * attribute type order, NEXT_HOP left out (it is the key of the announce groups), unknown
 * transitive attributes as "attribute-0xTT-0xFF": "0x<hex>", and the RFC 7606 outcome last as
 * "error" (ExaBGP's internal codes 0xFFFE discard and 0xFFFF treat-as-withdraw sort last).
 */
import { AttrFlag, AttrType } from '../../wire/iana';
import type { Aggregator, PathAttributes, UnknownAttribute, UpdateMessage } from '../../wire/types';
import { asPathMembers, asPathText, flattenAsPath } from './as-path';
import { exabgpAggregators, exabgpAsPath, exabgpIpv6ExtendedCommunities, printableUnknown } from './exabgp-view';
import { aigpText } from './aigp-text';
import { prefixSidJson } from './prefix-sid';
import { extendedCommunityJson } from './extended-community';

const ORIGIN_NAMES = ['igp', 'egp', 'incomplete'];

function aggregatorText(asn: number, a: Aggregator): string {
  return `"${asn}:${a.address}"`;
}

/** ExaBGP's aggregators as JSON members (see exabgpAggregators). */
function aggregatorMembers(a: PathAttributes, asn4: boolean): { aggregator?: string; as4Aggregator?: string } {
  const { aggregator, as4Aggregator } = exabgpAggregators(a, asn4);
  return {
    ...(aggregator ? { aggregator: aggregatorText(...aggregator) } : {}),
    ...(as4Aggregator ? { as4Aggregator: aggregatorText(...as4Aggregator) } : {}),
  };
}

function unknownMember(u: UnknownAttribute): string {
  const ipv6 = exabgpIpv6ExtendedCommunities(u);
  if (ipv6 !== undefined) return `"attribute-0x19-0xC0": "${ipv6}"`;
  // ExaBGP stores unknown transitive attributes with the Partial bit set (it would re-send them),
  // and keeps the Extended Length bit as received, as the decoder does; a value past 255 octets
  // given without it (a helper's attribute) is sent with it, so it is shown with it.
  const flags = (u.flags | AttrFlag.PARTIAL | (u.value.length > 255 ? AttrFlag.EXTENDED_LENGTH : 0)) & 0xff;
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
  return `"attribute-0x${hex(u.type)}-0x${hex(flags)}": "0x${u.value.toString('hex')}"`;
}

/** True when ExaBGP's attribute dictionary would be non-empty (NEXT_HOP counts though it is not printed). */
export function hasAttributes(msg: UpdateMessage): boolean {
  const a = msg.attributes;
  return (
    msg.errorAction !== undefined ||
    a.origin !== undefined ||
    (a.asPath !== undefined && a.asPath.length > 0) ||
    a.nextHop !== undefined ||
    a.med !== undefined ||
    a.localPref !== undefined ||
    a.atomicAggregate === true ||
    a.aggregator !== undefined ||
    (a.communities !== undefined && a.communities.length > 0) ||
    a.originatorId !== undefined ||
    (a.clusterList !== undefined && a.clusterList.length > 0) ||
    (a.extendedCommunities !== undefined && a.extendedCommunities.length > 0) ||
    (a.as4Path !== undefined && a.as4Path.length > 0) ||
    a.as4Aggregator !== undefined ||
    a.aigp !== undefined ||
    (a.prefixSid !== undefined && a.prefixSid.length > 0) ||
    (a.largeCommunities !== undefined && a.largeCommunities.length > 0) ||
    printableUnknown(a).length > 0
  );
}

/**
 * Members of the "attribute" object, comma-separated, in ExaBGP's order. `asn4` says whether the
 * session uses 4-octet AS numbers (RFC 6793), which changes how ExaBGP reads the aggregators.
 */
export function attributeMembers(msg: UpdateMessage, asn4: boolean): string {
  const a = msg.attributes;
  const aggregators = aggregatorMembers(a, asn4);
  const treatAsWithdraw = msg.errorAction === 'treat-as-withdraw';
  const parts: string[] = [];
  const unknown = printableUnknown(a);
  let u = 0;
  /** Unknown attributes sort among the known ones by type code. */
  const unknownBefore = (code: number): void => {
    while (u < unknown.length && unknown[u].type < code) parts.push(unknownMember(unknown[u++]));
  };

  unknownBefore(AttrType.ORIGIN);
  if (a.origin !== undefined) parts.push(`"origin": "${ORIGIN_NAMES[a.origin] ?? 'invalid'}"`);
  unknownBefore(AttrType.AS_PATH);
  const path = exabgpAsPath(a, treatAsWithdraw);
  if (path) parts.push(asPathMembers(path));
  unknownBefore(AttrType.MULTI_EXIT_DISC);
  if (a.med !== undefined) parts.push(`"med": ${a.med}`);
  unknownBefore(AttrType.LOCAL_PREF);
  if (a.localPref !== undefined) parts.push(`"local-preference": ${a.localPref}`);
  unknownBefore(AttrType.ATOMIC_AGGREGATE);
  if (a.atomicAggregate) parts.push('"atomic-aggregate": true');
  unknownBefore(AttrType.AGGREGATOR);
  if (aggregators.aggregator) parts.push(`"aggregator": ${aggregators.aggregator}`);
  unknownBefore(AttrType.COMMUNITIES);
  if (a.communities && a.communities.length) {
    // RFC 1997: printed as [ASN, value] pairs, well-known ones included as numbers.
    let s = '"community": [ ';
    for (let i = 0; i < a.communities.length; i++) {
      const c = a.communities[i] >>> 0;
      s += `${i ? ', ' : ''}[ ${c >>> 16}, ${c & 0xffff} ]`;
    }
    parts.push(s + ' ]');
  }
  unknownBefore(AttrType.ORIGINATOR_ID);
  if (a.originatorId !== undefined) parts.push(`"originator-id": "${a.originatorId}"`);
  unknownBefore(AttrType.CLUSTER_LIST);
  if (a.clusterList && a.clusterList.length) {
    parts.push(`"cluster-list": [ ${a.clusterList.map((id) => `"${id}"`).join(', ')} ]`);
  }
  unknownBefore(AttrType.EXTENDED_COMMUNITIES);
  if (a.extendedCommunities && a.extendedCommunities.length) {
    parts.push(`"extended-community": [ ${a.extendedCommunities.map(extendedCommunityJson).join(', ')} ]`);
  }
  unknownBefore(AttrType.AS4_PATH);
  // Without an AS_PATH to merge into (or when ExaBGP skipped the merge) AS4_PATH is a class it has no JSON name for.
  if (a.as4Path && a.as4Path.length && (!path || treatAsWithdraw)) {
    parts.push(`"attribute-0x11-0xC0": "${asPathText(flattenAsPath(a.as4Path))}"`);
  }
  unknownBefore(AttrType.AS4_AGGREGATOR);
  // ExaBGP names AS4_AGGREGATOR "aggregator" too, so the key can appear twice.
  if (aggregators.as4Aggregator) parts.push(`"aggregator": ${aggregators.as4Aggregator}`);
  unknownBefore(AttrType.AIGP);
  // RFC 7311, as ExaBGP 5 prints it (a quoted 0x string); 4.2 cannot decode AIGP (docs/exabgp-differences.md).
  if (a.aigp !== undefined) parts.push(`"aigp": "${aigpText(a.aigp)}"`);
  unknownBefore(AttrType.LARGE_COMMUNITIES);
  if (a.largeCommunities && a.largeCommunities.length) {
    // RFC 8092 §5 duplicates are dropped by ExaBGP's decoder; its JSON has " , " before the last number.
    const seen = new Set<string>();
    const items: string[] = [];
    for (const [g, l1, l2] of a.largeCommunities) {
      const key = `${g}:${l1}:${l2}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(`[ ${g}, ${l1} , ${l2} ]`);
    }
    parts.push(`"large-community": [ ${items.join(', ')} ]`);
  }
  unknownBefore(AttrType.BGP_PREFIX_SID);
  if (a.prefixSid && a.prefixSid.length) parts.push(`"bgp-prefix-sid": ${prefixSidJson(a.prefixSid)}`);
  unknownBefore(0x10000);
  if (msg.errorAction === 'discard') parts.push('"error": "discard"');
  if (treatAsWithdraw) parts.push('"error": "treat-as-withdraw"');
  return parts.join(', ');
}
