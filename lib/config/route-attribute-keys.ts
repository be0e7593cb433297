/**
 * The path attribute keys a route of the config takes (a neighbor's routes, route sets, and the items
 * of a family grammar's list that hold attributes: RouteConfigForm.attributeKeys), their codecs, and
 * the PathAttributes they make.
 */
import * as t from 'io-ts';
import { AsPathSegmentType, Origin } from '../wire/iana';
import type { PathAttributes } from '../wire/types';
import { closedObject } from './closed-object';
import { list } from './list-codec';
import { bgpPrefixSidCodec, bgpPrefixSidSrv6Codec, prefixSidTlvs } from './prefix-sid-codec';
import { aggregator, aigpMetric, asn, boolean, community, extendedCommunity, ipv4Address, largeCommunity, nextHop, origin, uint32 } from './scalar-codecs';

/** Path attributes shared by single routes and route sets (RFC 4271 §5 and the RFC beside each). */
export const attributeKeys = {
  nextHop,
  origin,
  asPath: list(asn, 'a list of AS numbers'),
  med: uint32, // MULTI_EXIT_DISC, RFC 4271 §5.1.4
  localPref: uint32, // RFC 4271 §5.1.5
  communities: list(community, 'a list of communities'), // RFC 1997
  largeCommunities: list(largeCommunity, 'a list of large communities'), // RFC 8092
  extendedCommunities: list(extendedCommunity, 'a list of extended communities'), // RFC 4360
  atomicAggregate: boolean, // RFC 4271 §5.1.6
  aggregator, // RFC 4271 §5.1.7
  originatorId: ipv4Address, // RFC 4456
  clusterList: list(ipv4Address, 'a list of IPv4 cluster IDs'), // RFC 4456
  aigp: aigpMetric, // RFC 7311 (sent only where the neighbor's AIGP_SESSION is enabled)
  bgpPrefixSid: bgpPrefixSidCodec, // RFC 8669
  bgpPrefixSidSrv6: bgpPrefixSidSrv6Codec, // RFC 9252
};

/** Only the attribute keys of an item (a grammar route's, whose other keys its family reads). */
export const routeAttributesCodec = closedObject('route attributes', {}, attributeKeys);
export type RouteAttributesFile = t.TypeOf<typeof routeAttributesCodec>;

/** Builds PathAttributes from a route's keys; ORIGIN and AS_PATH are always present (RFC 4271 §5.1). */
export function attributesOf(r: RouteAttributesFile): PathAttributes {
  const a: { -readonly [K in keyof PathAttributes]: PathAttributes[K] } = {
    origin: r.origin ?? Origin.IGP,
    asPath: r.asPath && r.asPath.length > 0 ? [{ type: AsPathSegmentType.AS_SEQUENCE, asns: r.asPath }] : [],
  };
  if (r.med !== undefined) a.med = r.med;
  if (r.localPref !== undefined) a.localPref = r.localPref;
  if (r.atomicAggregate) a.atomicAggregate = true;
  if (r.aggregator) a.aggregator = r.aggregator;
  if (r.communities && r.communities.length > 0) a.communities = r.communities;
  if (r.largeCommunities && r.largeCommunities.length > 0) a.largeCommunities = r.largeCommunities;
  if (r.extendedCommunities && r.extendedCommunities.length > 0) a.extendedCommunities = r.extendedCommunities;
  if (r.originatorId) a.originatorId = r.originatorId;
  if (r.clusterList && r.clusterList.length > 0) a.clusterList = r.clusterList;
  if (r.aigp !== undefined) a.aigp = r.aigp;
  const prefixSid = prefixSidTlvs(r.bgpPrefixSid, r.bgpPrefixSidSrv6);
  if (prefixSid) a.prefixSid = prefixSid;
  return a;
}
