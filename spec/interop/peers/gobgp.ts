/**
 * gobgpd (Debian's 3.10) with one neighbor. Queried with the `gobgp` CLI over its own gRPC port;
 * routes are originated with `gobgp global rib add`. See /work/shared/PEERS.md:
 * - GoBGP treats a next hop in 127.0.0.0/8 as unusable: give routes 198.51.100.x next hops.
 * - Always its own --api-hosts port and --pprof-disable.
 * - As the connecting side it waits 4-9 s before the first attempt.
 * - To an eBGP neighbor it prepends its own AS to the path it is given.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import {
  communityText,
  extendedCommunityText,
  familyOf,
  type Origin,
  type Route,
  type UnicastFamily,
} from '../harness/route';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { whenReady, type BgpPeer } from './bgp-peer';

export interface GobgpOptions {
  readonly address: string;
  /** Where gobgpd listens for BGP. */
  readonly port: number;
  /** Its gRPC API port (on 127.0.0.1), used by the gobgp CLI. */
  readonly apiPort: number;
  readonly asn: number;
  readonly routerId: string;
  readonly neighbor: {
    readonly address: string;
    readonly asn: number;
    /** gobgpd connects to this port; without it gobgpd only listens (passive-mode). */
    readonly port?: number;
  };
  readonly families: readonly UnicastFamily[];
}

const STARTUP_TIMEOUT_MS = 15000;

/** apipb.PeerState.SessionState. */
const SESSION_ESTABLISHED = 6;

const GOBGP_FAMILY: Record<UnicastFamily, { toml: string; cli: string }> = {
  'ipv4 unicast': { toml: 'ipv4-unicast', cli: 'ipv4' },
  'ipv6 unicast': { toml: 'ipv6-unicast', cli: 'ipv6' },
};

const ORIGINS: readonly Origin[] = ['igp', 'egp', 'incomplete'];

export function gobgpToml(o: GobgpOptions): string {
  const transport = o.neighbor.port === undefined ? 'passive-mode = true' : `remote-port = ${o.neighbor.port}`;
  const families = o.families
    .map((f) => `  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "${GOBGP_FAMILY[f].toml}"`)
    .join('\n');
  return `[global.config]
  as = ${o.asn}
  router-id = "${o.routerId}"
  port = ${o.port}
  local-address-list = ["${o.address}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${o.neighbor.address}"
    peer-as = ${o.neighbor.asn}
  [neighbors.transport.config]
    local-address = "${o.address}"
    ${transport}
  [neighbors.timers.config]
    connect-retry = 1
${families}
`;
}

export async function startGobgp(options: GobgpOptions): Promise<BgpPeer> {
  const dir = makeTempDir('gobgp');
  const configFile = path.join(dir, 'gobgpd.toml');
  fs.writeFileSync(configFile, gobgpToml(options));
  return whenReady(new Gobgp(options, dir, configFile));
}

/** One "Peer Down" line of gobgpd's JSON log. */
interface PeerDown {
  readonly Key?: string;
  readonly Reason?: string;
  readonly msg?: string;
}

class Gobgp implements BgpPeer {
  readonly name: string;
  readonly address: string;
  private readonly child: Child;
  private readonly api: string;
  private readonly peerDownReasons: string[] = [];

  constructor(
    private readonly options: GobgpOptions,
    private readonly dir: string,
    configFile: string,
  ) {
    this.name = `gobgpd ${options.address}:${options.port}`;
    this.address = options.address;
    this.api = String(options.apiPort);
    this.child = new Child({
      name: this.name,
      command: 'gobgpd',
      args: ['-f', configFile, '--api-hosts', `127.0.0.1:${options.apiPort}`, '--pprof-disable'],
      onLine: (line) => this.readLog(line),
    });
  }

  /** Ready when the CLI answers on the API port. */
  async ready(): Promise<void> {
    await pollUntil(
      `${this.name} to answer on its API port ${this.api}`,
      async () => ((await runCommand('gobgp', ['-p', this.api, 'neighbor'])).code === 0 ? true : undefined),
      { timeoutMs: STARTUP_TIMEOUT_MS, context: () => this.logTail(), abort: () => this.exited() },
    );
  }

  async isEstablished(): Promise<boolean> {
    return (await this.neighborState())?.state?.session_state === SESSION_ESTABLISHED;
  }

  /** gobgpd stamps the neighbor's uptime when the session reaches Established. */
  async sessionMark(): Promise<string | undefined> {
    const state = await this.neighborState();
    if (state?.state?.session_state !== SESSION_ESTABLISHED) return undefined;
    return JSON.stringify(state.timers?.state?.uptime);
  }

  async receivedRoutes(): Promise<Route[]> {
    const routes: Route[] = [];
    for (const family of this.options.families) {
      const out = await runChecked('gobgp', ['-p', this.api, 'neighbor', this.options.neighbor.address, 'adj-in', '-a', GOBGP_FAMILY[family].cli, '-j']);
      routes.push(...parseGobgpRib(out));
    }
    return routes;
  }

  /** gobgpd logs `"msg":"Peer Down", "Reason":"notification-received code 6(cease) subcode 2(...)"`. */
  async receivedCease(): Promise<string | undefined> {
    return this.peerDownReasons.filter((r) => /^notification-received code 6\b/.test(r)).pop();
  }

  async announce(routes: readonly Route[]): Promise<void> {
    for (const route of routes) {
      await runChecked('gobgp', ['-p', this.api, 'global', 'rib', '-a', cliFamily(route.prefix), 'add', route.prefix, ...attributeArgs(route)]);
    }
  }

  async withdraw(prefixes: readonly string[]): Promise<void> {
    for (const prefix of prefixes) {
      await runChecked('gobgp', ['-p', this.api, 'global', 'rib', '-a', cliFamily(prefix), 'del', prefix]);
    }
  }

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `gobgpd exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    return this.child.lastLines();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  private async neighborState(): Promise<GobgpNeighbor | undefined> {
    const out = await runChecked('gobgp', ['-p', this.api, 'neighbor', this.options.neighbor.address, '-j']);
    return JSON.parse(out) as GobgpNeighbor;
  }

  private readLog(line: string): void {
    if (!line.startsWith('{')) return;
    let entry: PeerDown;
    try {
      entry = JSON.parse(line) as PeerDown;
    } catch {
      return; // a partial or foreign line: not a log entry
    }
    if (entry.msg === 'Peer Down' && entry.Key === this.options.neighbor.address && entry.Reason) {
      this.peerDownReasons.push(entry.Reason);
    }
  }
}

interface GobgpNeighbor {
  readonly state?: { readonly session_state?: number };
  readonly timers?: { readonly state?: { readonly uptime?: unknown } };
}

interface GobgpAttribute {
  readonly type: number;
  readonly value?: unknown;
  readonly nexthop?: string;
  readonly metric?: number;
  readonly as_paths?: ReadonlyArray<{ readonly segment_type: number; readonly asns: readonly number[] }>;
  readonly communities?: readonly number[];
}

/** `gobgp ... -j` RIB output: { prefix: [path, ...] }, attributes by their RFC type code. */
export function parseGobgpRib(json: string): Route[] {
  const text = json.trim();
  if (text === '' || text === 'null') return [];
  const rib = JSON.parse(text) as Record<string, ReadonlyArray<{ readonly attrs: readonly GobgpAttribute[] }>>;
  const routes: Route[] = [];
  for (const [prefix, paths] of Object.entries(rib)) {
    for (const p of paths) routes.push(routeFromAttributes(prefix, p.attrs));
  }
  return routes;
}

function routeFromAttributes(prefix: string, attrs: readonly GobgpAttribute[]): Route {
  const route: { -readonly [K in keyof Route]: Route[K] } = { prefix, nextHop: '' };
  for (const a of attrs) {
    switch (a.type) {
      case 1: // ORIGIN, RFC 4271 §5.1.1
        route.origin = ORIGINS[a.value as number];
        break;
      case 2: // AS_PATH, RFC 4271 §5.1.2 (segments flattened: the suite sends AS_SEQUENCEs only)
        route.asPath = (a.as_paths ?? []).flatMap((s) => s.asns);
        break;
      case 3: // NEXT_HOP
      case 14: // MP_REACH_NLRI, RFC 4760
        route.nextHop = a.nexthop ?? '';
        break;
      case 4: // MULTI_EXIT_DISC
        route.med = a.metric;
        break;
      case 5: // LOCAL_PREF
        route.localPref = a.value as number;
        break;
      case 8: // COMMUNITIES, RFC 1997
        route.communities = (a.communities ?? []).map(communityText);
        break;
      case 16: // EXTENDED_COMMUNITIES, RFC 4360
        route.extendedCommunities = (a.value as Array<{ type: number; subtype: number; value: string }>).map((c) =>
          extendedCommunityText(c.type, c.subtype, c.value),
        );
        break;
      case 32: // LARGE_COMMUNITY, RFC 8092
        route.largeCommunities = (a.value as Array<{ ASN: number; LocalData1: number; LocalData2: number }>).map(
          (c) => `${c.ASN}:${c.LocalData1}:${c.LocalData2}`,
        );
        break;
    }
  }
  return route;
}

function cliFamily(prefix: string): string {
  return GOBGP_FAMILY[familyOf(prefix)].cli;
}

/** `gobgp global rib add` arguments; `asPath` is the path before gobgpd prepends its own AS. */
function attributeArgs(route: Route): string[] {
  const args = ['nexthop', route.nextHop];
  if (route.origin) args.push('origin', route.origin);
  if (route.asPath?.length) args.push('aspath', route.asPath.join(','));
  if (route.med !== undefined) args.push('med', String(route.med));
  if (route.localPref !== undefined) args.push('local-pref', String(route.localPref));
  if (route.communities?.length) args.push('community', route.communities.join(','));
  if (route.largeCommunities?.length) args.push('large-community', route.largeCommunities.join(','));
  for (const ext of route.extendedCommunities ?? []) {
    const target = /^target:(.+)$/.exec(ext);
    if (!target) throw new Error(`gobgp module: only route-target extended communities are supported, not "${ext}"`);
    args.push('rt', target[1]!);
  }
  return args;
}
