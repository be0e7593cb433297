/**
 * The decoded configuration: what the daemon codes against. Every default is already applied,
 * every address is canonical text and every family is AFI/SAFI numbers, so nothing downstream
 * re-parses or re-checks the JSON. docs/configuration.md documents the JSON that produces these.
 */
import type { SinkEventKind } from '../events/event-kind';
import type { ProcessConfig } from '../events/process-config';
import type { Family, PathAttributes } from '../wire/types';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface ListenConfig {
  /** Canonical IPv4 or IPv6 literal; 0.0.0.0 / :: listen on every address. */
  address: string;
  port: number;
}

export interface Config {
  listen: ListenConfig[];
  neighbors: NeighborConfig[];
  log: { level: LogLevel };
  /** Where JSON events go: "stdout", "none" or a file path. */
  events: { output: string; format: 'json' };
  /** Helper programs driven through the ExaBGP-compatible process API, in the order of the "processes" keys. */
  processes: ProcessConfig[];
  /** Route policy modules by name, in the order of the "policies" keys. */
  policies: PolicyConfig[];
  /** Where events are piped (issue 6), in the order listed. */
  sinks: SinkConfig[];
  /** Where text API commands come from besides helpers and the control socket (issue 6). */
  sources: SourceConfig[];
  /** The Prometheus endpoint, when configured (off by default). */
  metrics?: { address: string; port: number };
  /** The Unix socket `rxbgp cli` talks to. */
  control: ControlConfig;
}

/** A route policy module (lib/policy): what neighbors' "import" and "export" lists name. */
export interface PolicyConfig {
  /** The key under "policies". */
  name: string;
  /** The module's path, resolved against the config file's directory (.js, .cjs or .ts). */
  module: string;
  /** Given to the module's factory as they are. */
  options: Record<string, unknown>;
}

/** A helper program: declared in lib/events/process-config.ts, below the config and the runner both. */
export type { ProcessConfig };

/**
 * What a neighbor's helpers are told, mirroring ExaBGP's `api { processes [..]; neighbor-changes;
 * receive { parsed; packets; consolidate; update; ... } send { ... } }` block.
 * BGP messages (RFC 4271 §4): update, open, notification, keepalive, refresh (RFC 2918), operational
 * (draft-ietf-idr-operational-message); events about the session: state (ExaBGP's neighbor-changes:
 * connected, up, down), fsm (every FSM transition), negotiated (the capabilities agreed in OPEN), signal.
 */
export type ApiMessageKind =
  | 'update'
  | 'open'
  | 'notification'
  | 'keepalive'
  | 'refresh'
  | 'operational'
  | 'state'
  | 'fsm'
  | 'negotiated'
  | 'signal';

export interface ApiConfig {
  /** Names of top-level processes that get this neighbor's events and may command it; every name exists. */
  processes: string[];
  /** ExaBGP's neighbor-changes: state events. Always equal to receive.includes('state'). */
  neighborChanges: boolean;
  /** Messages received from the peer and session events to report, without duplicates. */
  receive: ApiMessageKind[];
  /** Messages sent to the peer to report: only BGP message kinds (update .. operational). */
  send: ApiMessageKind[];
  /** Include the raw message (header and body hex). */
  packets: boolean;
  /** Include the decoded message. */
  parsed: boolean;
  /** With packets and parsed: one event carrying both instead of two. */
  consolidate: boolean;
}

export interface ControlConfig {
  /** Path of the Unix socket (mode 0600); defaultControlSocketPath() when not configured. */
  socket: string;
  enabled: boolean;
}

export interface NeighborConfig {
  /** The description when given, else the peer address: used in logs and events. */
  name: string;
  description?: string;
  peerAddress: string;
  /** TCP port we connect to (RFC 4271 §8.2.1 uses 179). */
  peerPort: number;
  /** Source address of our connection and the address a passive neighbor is reached on. */
  localAddress?: string;
  /** Source port of our connection (the kernel picks one when absent). */
  localPort?: number;
  localAs: number;
  peerAs: number;
  /** BGP Identifier, dotted quad, never 0.0.0.0 (RFC 6286). */
  routerId: string;
  /** 0 or 3..65535 seconds (RFC 4271 §4.2). */
  holdTime: number;
  /** ConnectRetryTime in seconds (RFC 4271 §8). */
  connectRetry: number;
  /** DelayOpenTime in seconds, 0 = off (RFC 4271 §8.1.1). */
  delayOpen: number;
  passive: boolean;
  /** Families advertised with the Multiprotocol capability (RFC 4760). */
  families: Family[];
  /** ADD-PATH per family (RFC 7911), mode from AddPathMode: 1 receive, 2 send, 3 both. */
  addPath?: Array<Family & { mode: number }>;
  routeRefresh: boolean;
  extendedMessage: boolean;
  /** FQDN capability host and domain names. */
  hostname?: string;
  domainName?: string;
  /** Graceful restart (RFC 4724) restart time in seconds, 0..4095, when the capability is wanted. */
  gracefulRestart?: number;
  /** RFC 8950 Extended Next Hop Encoding: families whose routes may have a next hop of another address family. */
  extendedNextHop?: Array<Family & { nextHopAfi: number }>;
  /** RFC 7311 §3 AIGP_SESSION; absent: enabled for iBGP, disabled for eBGP. */
  aigp?: boolean;
  /**
   * FlowSpec: how IPv6 prefix offsets go on the wire to and from this neighbor ("rfc8956", the
   * default, or "whole-prefix" as ExaBGP 4.2 and GoBGP write them and FRR 8.4 reads them).
   */
  flowIpv6Offset: 'rfc8956' | 'whole-prefix';
  /**
   * FlowSpec validation on receive (RFC 8955 §6, revised by RFC 9117): rules from this neighbor
   * that fail it are held, not reported, until they pass. Off by default, as on most routers.
   * Not part of the settings key: a reload that flips it revalidates the rules held, no reset.
   */
  flowValidate: boolean;
  routes: RouteConfig[];
  routeSets: RouteSetConfig[];
  /** RIB dumps whose routes are announced (lib/mrt); read when the neighbor starts and on reload. */
  mrtRoutes: MrtRoutesConfig[];
  /** Process API settings; defaults (no processes, nothing reported) when the file has no "api". */
  api: ApiConfig;
  /** Policies applied, in order, to what the peer sends, before Adj-RIB-In and events. */
  import: string[];
  /** Policies applied, in order, to what we announce to the peer. */
  export: string[];

}

export interface MrtRoutesConfig {
  /** Absolute path (a relative one is taken from the config file's directory). */
  file: string;
  /** Announce every route with this next hop ("self" or an address) instead of the dump's. */
  nextHop?: string;
}

export interface RouteConfig {
  afi: number;
  safi: number;
  /** Canonical prefix text; host bits are refused at decode time. */
  prefix: string;
  /** "self" = the local address of the session; otherwise an address of the prefix's family. */
  nextHop: 'self' | string;
  /** RFC 7911 path identifier, sent when ADD-PATH send is negotiated for the family. */
  pathId?: number;
  attributes: PathAttributes;
}

/**
 * A generated run of `count` consecutive prefixes of `length` bits starting at `from`
 * (canonical prefix text, e.g. "10.0.0.0/24"). Kept as a run: lib/rib expands it lazily.
 */
export interface RouteSetConfig {
  afi: number;
  safi: number;
  from: string;
  length: number;
  count: number;
  nextHop: 'self' | string;
  attributes: PathAttributes;
}

/** Which events a sink takes: all neighbors and kinds when a list is absent. */
export interface SinkFilterConfig {
  /** Neighbor names (description) or peer addresses. */
  neighbors?: string[];
  events?: SinkEventKind[];
}

interface SinkBase {
  name: string;
  filter: SinkFilterConfig;
  /** Most events queued for the sink; past it the oldest are dropped (and counted). */
  bufferEvents: number;
}

export type SinkConfig =
  | (SinkBase & { type: 'stdout'; format: 'exabgp' | 'compact' })
  | (SinkBase & { type: 'jsonl'; file: string; format: 'exabgp' | 'compact'; maxBytes: number; keep: number })
  | (SinkBase & { type: 'log' })
  | (SinkBase & { type: 'mrt'; directory: string; pattern: string; rotateSeconds: number; sent: boolean })
  | (SinkBase & {
      type: 'kafka';
      brokers: string[];
      topic: string;
      format: 'exabgp' | 'compact';
      clientId: string;
      key: 'peer' | 'prefix' | 'none';
      compression: 'none' | 'gzip';
      acks: -1 | 0 | 1;
      per: 'event' | 'prefix';
      /** Events per Kafka send, and how long to wait for that many. */
      batchEvents: number;
      lingerMs: number;
    });

/** A Kafka topic of text API commands, answered on `replyTopic`. */
export interface SourceConfig {
  type: 'kafka';
  brokers: string[];
  topic: string;
  group: string;
  replyTopic?: string;
  clientId: string;
}
