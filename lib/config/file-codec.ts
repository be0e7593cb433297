/**
 * The shape of the JSON config file, as io-ts codecs: which keys exist at each level, which
 * are required, and what each leaf holds. Cross-field rules and defaults live in
 * resolve-config.ts; this file only says what a well-formed file looks like.
 */
import * as t from 'io-ts';
import { closedObject } from './closed-object';
import { list } from './list-codec';
import {
  addPathMode,
  aggregator,
  asn,
  boolean,
  community,
  extendedCommunity,
  family,
  holdTime,
  integer,
  ipAddress,
  ipv4Address,
  largeCommunity,
  logLevel,
  nextHop,
  oneOf,
  origin,
  port,
  prefix,
  routerId,
  text,
  uint32,
} from './scalar-codecs';
import { CONFIG_FAMILIES } from './family-text';

/** The longest run a route set may generate: enough for ten full tables, small enough to bound memory. */
export const MAX_ROUTE_SET_COUNT = 10_000_000;

/** Path attributes shared by single routes and route sets (RFC 4271 §5 and the RFC beside each). */
const attributeKeys = {
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
};

export const routeCodec = closedObject('a route', { prefix }, { ...attributeKeys, pathId: uint32 /* RFC 7911 */ });

export const routeSetCodec = closedObject(
  'a route set',
  {
    prefixes: closedObject(
      'a prefix run like { "from": "10.0.0.0/24", "count": 1000 }',
      { from: prefix, count: integer(`a count 1..${MAX_ROUTE_SET_COUNT}`, 1, MAX_ROUTE_SET_COUNT) },
      {},
    ),
  },
  attributeKeys,
);

/** RFC 7911 ADD-PATH per family: { "ipv4 unicast": "both" }. */
const addPathCodec = closedObject(
  'ADD-PATH settings like { "ipv4 unicast": "both" }',
  {},
  Object.fromEntries(CONFIG_FAMILIES.map((f) => [f, addPathMode])) as Record<string, typeof addPathMode>,
);

const seconds = (min: number, max: number) => integer(`seconds ${min}..${max}`, min, max);

export const neighborCodec = closedObject(
  'a neighbor',
  { peerAddress: ipAddress, peerAs: asn },
  {
    description: text('a non-empty description'),
    peerPort: port,
    localAddress: ipAddress,
    localPort: port,
    localAs: asn,
    routerId,
    holdTime,
    connectRetry: seconds(1, 65535),
    delayOpen: seconds(0, 65535),
    passive: boolean,
    families: list(family, 'a list of families', 1),
    addPath: addPathCodec,
    routeRefresh: boolean,
    extendedMessage: boolean,
    hostname: text('a host name of 1..255 bytes', 255), // FQDN capability: one length octet
    domainName: text('a domain name of 1..255 bytes', 255),
    gracefulRestart: seconds(0, 4095), // RFC 4724 §3: 12-bit Restart Time
    routes: list(routeCodec, 'a list of routes'),
    routeSets: list(routeSetCodec, 'a list of route sets'),
  },
);

const listenCodec = closedObject('a listener like { "address": "127.0.0.1", "port": 1790 }', { address: ipAddress, port }, {});

export const configFileCodec = closedObject(
  'an rxbgp config',
  { neighbors: list(neighborCodec, 'a list of neighbors') },
  {
    listen: list(listenCodec, 'a list of listeners'),
    routerId,
    localAs: asn,
    log: closedObject('log settings', {}, { level: logLevel }),
    events: closedObject(
      'event output settings',
      {},
      {
        output: text('"stdout", "none" or a file path'),
        format: oneOf(new Map([['json', 'json' as const]]), (u): u is 'json' => u === 'json'),
      },
    ),
  },
);

export type ConfigFile = t.TypeOf<typeof configFileCodec>;
export type NeighborFile = t.TypeOf<typeof neighborCodec>;
export type RouteFile = t.TypeOf<typeof routeCodec>;
export type RouteSetFile = t.TypeOf<typeof routeSetCodec>;
