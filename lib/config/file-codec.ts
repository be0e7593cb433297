/**
 * The shape of the JSON config file, as io-ts codecs: which keys exist at each level, which
 * are required, and what each leaf holds. Cross-field rules and defaults live in
 * resolve-config.ts; this file only says what a well-formed file looks like.
 */
import { grammarRouteCodec } from './grammar-route-codec';
import { attributeKeys } from './route-attribute-keys';
import { wordRouteCodec, type WordRouteFile } from './word-route-codec';
import * as t from 'io-ts';
import { closedObject } from './closed-object';
import { bgpPrefixSidCodec, bgpPrefixSidSrv6Codec } from './prefix-sid-codec';
import { list } from './list-codec';
import {
  addPathMode,
  asn,
  boolean,
  family,
  holdTime,
  integer,
  ipAddress,
  logLevel,
  nextHop,
  oneOf,
  port,
  prefix,
  routerId,
  scalar,
  text,
  uint32,
} from './scalar-codecs';
import { describeValue } from './config-error';
import { CONFIG_FAMILIES } from '../families/family-text';
import { FAMILY_REGISTRY, type FamilyRoute } from '../families';
import { apiReceiveKind, apiSendKind } from './api-message-kind';
import { namedRecord } from './named-record';
import { sinkCodec } from './sink-codec';

/** One list per family grammar with a config form (RouteGrammar.config), under its key. */
function grammarListKeys(): Record<string, t.Type<FamilyRoute[], unknown, unknown>> {
  const out: Record<string, t.Type<FamilyRoute[], unknown, unknown>> = {};
  for (const word of FAMILY_REGISTRY.grammarWords) {
    const form = FAMILY_REGISTRY.grammar(word)?.config;
    if (form) out[form.key] = list(grammarRouteCodec(form.key), form.list) as t.Type<FamilyRoute[], unknown, unknown>;
  }
  return out;
}

/** The longest run a route set may generate: enough for ten full tables, small enough to bound memory. */
export const MAX_ROUTE_SET_COUNT = 10_000_000;


/**
 * A word, or a list of words, of a family's route beside its prefix (FamilyDescriptor.routeQualifiers:
 * "rd": "65000:1", "labels": [1000]); the family reads and checks them when the config is resolved.
 */
type QualifierValue = ReadonlyArray<string | number> | string | number;
const isWord = (u: unknown): u is string | number => typeof u === 'string' || typeof u === 'number';
const isQualifierValue = (u: unknown): u is QualifierValue => isWord(u) || (Array.isArray(u) && u.every(isWord));
const qualifierValue: t.Type<QualifierValue, unknown, unknown> = new t.Type<QualifierValue, unknown, unknown>(
  'a value or a list of values',
  isQualifierValue,
  (u, c) => (isQualifierValue(u) ? t.success(u) : t.failure(u, c, `expected a value or a list of values, got ${describeValue(u)}`)),
  t.identity,
);
const qualifierKeys: Record<string, typeof qualifierValue> = Object.fromEntries([...FAMILY_REGISTRY.qualifierConfigKeys.keys()].map((key) => [key, qualifierValue]));

export const routeCodec = closedObject('a route', { prefix }, { ...attributeKeys, pathId: uint32 /* RFC 7911 */, ...qualifierKeys });

/**
 * Lists of routes of the families without prefixes, under their process-API word ("vpls", "rtc"):
 * each item is the family's keys beside a route's attribute keys (lib/config/word-route-codec.ts).
 * Read with wordRouteLists(); typed apart because the keys come from the registry.
 */
const wordRouteAttributes = closedObject('route attributes', {}, { ...attributeKeys, pathId: uint32 /* RFC 7911 */ });
export const WORD_ROUTE_FAMILIES = FAMILY_REGISTRY.all.filter((f) => f.routeQualifiers?.word !== undefined);
const wordRouteListCodecs: Record<string, t.Type<WordRouteFile[], unknown, unknown>> = Object.fromEntries(
  WORD_ROUTE_FAMILIES.map((f) => [f.routeQualifiers!.word!, list(wordRouteCodec(f, wordRouteAttributes), `a list of ${f.name} routes`)]),
);

/** A neighbor's lists of routes of families without prefixes, by family. */
export function wordRouteLists(n: NeighborFile): Array<{ readonly key: string; readonly family: (typeof WORD_ROUTE_FAMILIES)[number]; readonly routes: readonly WordRouteFile[] }> {
  const out = [];
  for (const family of WORD_ROUTE_FAMILIES) {
    const key = family.routeQualifiers!.word!;
    const routes = (n as Record<string, unknown>)[key] as WordRouteFile[] | undefined;
    if (routes) out.push({ key, family, routes });
  }
  return out;
}

/** A list of routes on its own (the library's Speaker.announce takes one). */
export const routeListCodec = list(routeCodec, 'a list of routes');

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

/**
 * RFC 8950 Extended Next Hop Encoding per family, ExaBGP's `nexthop { ipv4 unicast ipv6; }`:
 * { "ipv4 unicast": "ipv6" } (the next hop address family each family's routes may have).
 */
const nexthopCodec = closedObject(
  'extended next hop settings like { "ipv4 unicast": "ipv6" }',
  {},
  Object.fromEntries(
    CONFIG_FAMILIES.map((f) => [
      f,
      oneOf(
        new Map<string, 1 | 2>([
          ['ipv4', 1],
          ['ipv6', 2],
        ]),
        (u): u is 1 | 2 => u === 1 || u === 2,
      ),
    ]),
  ) as Record<string, t.Type<1 | 2, string, unknown>>,
);

/**
 * FlowSpec wire choices where routers disagree with the RFC (docs/flowspec.md#routers):
 * `ipv6Offset` "rfc8956" (default: the pattern after the offset, RFC 8956 §3.1) or "whole-prefix"
 * (the whole prefix, as ExaBGP 4.2 and GoBGP write it and FRR 8.4 reads it); `validate` true
 * holds received rules that fail RFC 8955 §6 validation (as revised by RFC 9117) out of the events
 * until they pass (docs/flowspec.md#validation; off by default).
 */
const flowspecCodec = closedObject(
  'FlowSpec settings like { "ipv6Offset": "whole-prefix", "validate": true }',
  {},
  {
    ipv6Offset: oneOf(
      new Map<string, 'rfc8956' | 'whole-prefix'>([
        ['rfc8956', 'rfc8956'],
        ['whole-prefix', 'whole-prefix'],
      ]),
      (u): u is 'rfc8956' | 'whole-prefix' => u === 'rfc8956' || u === 'whole-prefix',
    ),
    validate: boolean,
  },
);

/**
 * A neighbor's process API settings, ExaBGP's `api { }` block as JSON. Names are checked against
 * the top-level "processes" in resolve-config.ts, which also applies the defaults.
 */
export const apiCodec = closedObject(
  'API settings like { "processes": ["announce"], "receive": ["update"] }',
  { processes: list(text('a process name'), 'a list of process names') },
  {
    neighborChanges: boolean,
    receive: list(apiReceiveKind, 'a list of message and event kinds'),
    send: list(apiSendKind, 'a list of message kinds'),
    packets: boolean,
    parsed: boolean,
    consolidate: boolean,
  },
);

const seconds = (min: number, max: number) => integer(`seconds ${min}..${max}`, min, max);

/** Routes from an MRT TABLE_DUMP_V2 RIB dump (RFC 6396), read when the neighbor is set up. */
const mrtRoutesCodec = closedObject('an MRT dump like { "file": "rib.mrt", "nextHop": "self" }', { file: text('a file path') }, { nextHop });

/** Any JSON object: a policy's options are the module's to check. */
const jsonObject = scalar(
  'a JSON object',
  (u): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u),
  (u) => (typeof u === 'object' && u !== null && !Array.isArray(u) ? { value: u as Record<string, unknown> } : `expected a JSON object, got ${describeValue(u)}`),
  (a) => a,
);

/** A route policy module (lib/policy): JavaScript or TypeScript, and the options its factory is given. */
export const policyCodec = closedObject('a policy like { "module": "./policies/no-bogons.js" }', { module: text('a module path') }, { options: jsonObject });

/** Policy names as neighbors' "import" / "export" lists name them. */
/** A Kafka topic of text API commands (issue 6): the only kind of source so far. */
export const sourceCodec = closedObject(
  'a command source like { "type": "kafka", "brokers": ["127.0.0.1:9092"], "topic": "rxbgp-commands", "group": "rxbgp-1" }',
  {
    type: oneOf(new Map([['kafka', 'kafka' as const]]), (u): u is 'kafka' => u === 'kafka'),
    brokers: list(text('a broker "host:port"'), 'a list of brokers', 1),
    topic: text('a topic name', 249),
    group: text('a consumer group id'),
  },
  { replyTopic: text('a topic name', 249), clientId: text('a client id') },
);

export const POLICY_NAME = /^[A-Za-z0-9_.-]+$/;

const policyNames = list(text('a policy name'), 'a list of policy names');

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
    nexthop: nexthopCodec, // RFC 8950
    routeRefresh: boolean,
    extendedMessage: boolean,
    hostname: text('a host name of 1..255 bytes', 255), // FQDN capability: one length octet
    domainName: text('a domain name of 1..255 bytes', 255),
    gracefulRestart: seconds(0, 4095), // RFC 4724 §3: 12-bit Restart Time
    aigp: boolean, // RFC 7311 §3 AIGP_SESSION (default: on for iBGP, off for eBGP)
    routes: list(routeCodec, 'a list of routes'),
    // Routes of families with a grammar of their own, decoded by their family: "flows" (FlowSpec,
    // RFC 8955 / 8956: lib/families/flow), "evpn" (lib/families/evpn), ...
    ...grammarListKeys(),
    flowspec: flowspecCodec,
    ...(wordRouteListCodecs as Record<never, never>),
    routeSets: list(routeSetCodec, 'a list of route sets'),
    mrtRoutes: list(mrtRoutesCodec, 'a list of MRT dumps'),
    api: apiCodec,
    import: policyNames,
    export: policyNames,
  },
);

/** One word of a command line: execve() takes C strings, so a NUL cannot be passed. */
const argument = scalar(
  'a non-empty string without NUL characters',
  (u): u is string => typeof u === 'string',
  (u) =>
    typeof u === 'string' && u.length > 0 && !u.includes('\0')
      ? { value: u }
      : `expected a non-empty string without NUL characters, got ${describeValue(u)}`,
  (a) => a,
);

/** A helper program, ExaBGP's `process <name> { run ...; encoder ...; respawn ...; }`. */
export const processCodec = closedObject(
  'a process like { "run": ["./helpers/announce.py"] }',
  { run: list(argument, 'a command line: the program, then its arguments', 1) },
  {
    encoder: oneOf(
      new Map([
        ['json', 'json' as const],
        ['text', 'text' as const],
      ]),
      (u): u is 'json' | 'text' => u === 'json' || u === 'text',
    ),
    respawn: boolean,
    cwd: argument,
  },
);

/** ExaBGP accepts any word as a process name; a narrower set keeps names safe in logs, paths and commands. */
export const PROCESS_NAME = /^[A-Za-z0-9_.-]+$/;

const processesCodec = namedRecord(
  'processes by name like { "announce": { "run": ["./helpers/announce.py"] } }',
  { pattern: PROCESS_NAME, what: 'a process name of letters, digits, "_", "." and "-"' },
  processCodec,
);

/** The Unix socket `rxbgp cli` talks to. */
export const controlCodec = closedObject('control socket settings like { "socket": "/run/rxbgp.sock" }', {}, {
  socket: argument,
  enabled: boolean,
});

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
    processes: processesCodec,
    policies: namedRecord(
      'policies by name like { "no-bogons": { "module": "./policies/no-bogons.js" } }',
      { pattern: POLICY_NAME, what: 'a policy name of letters, digits, "_", "." and "-"' },
      policyCodec,
    ),
    control: controlCodec,
    sinks: list(sinkCodec, 'a list of sinks'),
    sources: list(sourceCodec, 'a list of command sources'),
    metrics: closedObject('metrics settings like { "address": "127.0.0.1", "port": 9179 }', { port }, { address: ipAddress }),
  },
);

export type ConfigFile = t.TypeOf<typeof configFileCodec>;
export type NeighborFile = t.TypeOf<typeof neighborCodec>;
export type RouteFile = t.TypeOf<typeof routeCodec>;
export type RouteSetFile = t.TypeOf<typeof routeSetCodec>;
export type MrtRoutesFile = t.TypeOf<typeof mrtRoutesCodec>;
export type PolicyFile = t.TypeOf<typeof policyCodec>;
export type ApiFile = t.TypeOf<typeof apiCodec>;
export type ProcessFile = t.TypeOf<typeof processCodec>;
export type ControlFile = t.TypeOf<typeof controlCodec>;
