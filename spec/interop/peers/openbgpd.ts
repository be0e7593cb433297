/**
 * OpenBGPD (Debian's 7.7) with one neighbor, queried with `bgpctl -j` over its own control socket;
 * routes are originated with `bgpctl network add`. See /work/shared/PEERS.md:
 * - It only listens here: 7.7 cannot connect to a port other than 179, so the neighbor is passive.
 * - It needs /run/openbgpd and a config file of mode 600; `multihop` is required (127.0.0.x is not
 *   a directly connected neighbor), and without `allow from/to any` its default filters drop everything.
 * - On an eBGP multihop session it puts itself as next hop unless told `set nexthop no-modify`.
 * - `bgpctl network add` sets MED, local preference, communities and the next hop, but neither the
 *   ORIGIN (always IGP) nor an AS path: the neighbor sees OpenBGPD's AS alone.
 * - Its Adj-RIB-In shows a MED of 0 for a route that came without one, and local preference 100.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import type { Origin, Route, UnicastFamily } from '../harness/route';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { whenReady, type BgpPeer } from './bgp-peer';

export interface OpenbgpdOptions {
  readonly address: string;
  /** Where bgpd listens for BGP. */
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
  /** OpenBGPD 7.7 only listens for this neighbor: it cannot be told a port to connect to. */
  readonly neighbor: { readonly address: string; readonly asn: number };
  readonly families: readonly UnicastFamily[];
}

/** Debian's build keeps its session engine's chroot and default control socket here. */
const RUN_DIR = '/run/openbgpd';
const STARTUP_TIMEOUT_MS = 15000;

const FAMILY_KEYWORD: Record<UnicastFamily, string> = { 'ipv4 unicast': 'IPv4 unicast', 'ipv6 unicast': 'IPv6 unicast' };
const ORIGIN_FROM_OPENBGPD: Record<string, Origin> = { IGP: 'igp', EGP: 'egp', incomplete: 'incomplete' };

/** OpenBGPD's extended community subtypes and ExaBGP's words for them (RFC 4360 §5). */
const EXT_KIND_TO_OPENBGPD: Record<string, string> = { target: 'rt', origin: 'soo' };
const EXT_KIND_FROM_OPENBGPD: Record<string, string> = { rt: 'target', soo: 'origin' };

export function openbgpdConfig(o: OpenbgpdOptions, socket: string): string {
  const announce = o.families.map((f) => `  announce ${FAMILY_KEYWORD[f]}\n`).join('');
  return `AS ${o.asn}
router-id ${o.routerId}
listen on ${o.address} port ${o.port}
socket "${socket}"
fib-update no
neighbor ${o.neighbor.address} {
  remote-as ${o.neighbor.asn}
  local-address ${o.address}
  passive
  multihop 2
${announce}  set nexthop no-modify
}
allow from any
allow to any
`;
}

/** `bgpctl network add` arguments for a route; refuses what bgpctl cannot set. */
export function networkAddArgs(r: Route): string[] {
  if (r.origin !== undefined && r.origin !== 'igp') throw new Error(`openbgpd module: bgpctl cannot set origin ${r.origin} (${r.prefix})`);
  if (r.asPath?.length) throw new Error(`openbgpd module: bgpctl cannot set an AS path (${r.prefix})`);
  const args = ['network', 'add', r.prefix, 'nexthop', r.nextHop];
  if (r.med !== undefined) args.push('med', String(r.med));
  if (r.localPref !== undefined) args.push('localpref', String(r.localPref));
  for (const c of r.communities ?? []) args.push('community', c);
  for (const c of r.largeCommunities ?? []) args.push('large-community', c);
  for (const c of r.extendedCommunities ?? []) {
    const match = /^(\w+):(.+)$/.exec(c);
    const kind = EXT_KIND_TO_OPENBGPD[match?.[1] ?? ''];
    if (!match || !kind) throw new Error(`openbgpd module: unsupported extended community "${c}"`);
    args.push('ext-community', kind, match[2]!);
  }
  return args;
}

export async function startOpenbgpd(options: OpenbgpdOptions & { readonly neighbor: { readonly port?: number } }): Promise<BgpPeer> {
  if (options.neighbor.port !== undefined) {
    throw new Error(`openbgpd module: OpenBGPD 7.7 cannot connect to port ${options.neighbor.port}, only listen`);
  }
  return whenReady(new Openbgpd(options, makeTempDir('openbgpd')));
}

class Openbgpd implements BgpPeer {
  readonly name: string;
  readonly address: string;
  private readonly child: Child;
  private readonly socket: string;

  constructor(
    private readonly options: OpenbgpdOptions,
    private readonly dir: string,
  ) {
    this.name = `openbgpd ${options.address}:${options.port}`;
    this.address = options.address;
    this.socket = path.join(dir, 'bgpd.sock');
    const configFile = path.join(dir, 'bgpd.conf');
    // bgpd refuses a config file that others can read.
    fs.writeFileSync(configFile, openbgpdConfig(options, this.socket), { mode: 0o600 });
    fs.mkdirSync(RUN_DIR, { recursive: true });
    this.child = new Child({ name: this.name, command: 'bgpd', args: ['-d', '-f', configFile] });
  }

  /** Ready when bgpctl answers on the control socket. */
  async ready(): Promise<void> {
    await pollUntil(
      `${this.name} to answer bgpctl on ${this.socket}`,
      async () => ((await runCommand('bgpctl', ['-s', this.socket, 'show', 'summary'])).code === 0 ? true : undefined),
      { timeoutMs: STARTUP_TIMEOUT_MS, context: () => this.logTail(), abort: () => this.exited() },
    );
  }

  async isEstablished(): Promise<boolean> {
    return (await this.neighborState())?.state === 'Established';
  }

  /** OpenBGPD counts the OPENs it received from the neighbor; each session has its own TCP port. */
  async sessionMark(): Promise<string | undefined> {
    const state = await this.neighborState();
    if (state?.state !== 'Established') return undefined;
    return `${state.stats?.message?.received?.open} ${state.session?.remote?.port}`;
  }

  async receivedRoutes(): Promise<Route[]> {
    return parseOpenbgpdRib(await this.bgpctl('-j', 'show', 'rib', 'in', 'neighbor', this.options.neighbor.address, 'detail'));
  }

  /** bgpctl reports the last NOTIFICATION received, e.g. "Cease, administratively down". */
  async receivedCease(): Promise<string | undefined> {
    const error = (await this.neighborState())?.last_error_received;
    return error !== undefined && /^Cease\b/.test(error) ? error : undefined;
  }

  async announce(routes: readonly Route[]): Promise<void> {
    for (const route of routes) await this.bgpctl(...networkAddArgs(route));
  }

  async withdraw(prefixes: readonly string[]): Promise<void> {
    for (const prefix of prefixes) await this.bgpctl('network', 'delete', prefix);
  }

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `openbgpd exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    return this.child.lastLines();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  private async neighborState(): Promise<OpenbgpdNeighbor | undefined> {
    const out = await this.bgpctl('-j', 'show', 'neighbor', this.options.neighbor.address);
    return (JSON.parse(out) as { neighbors?: OpenbgpdNeighbor[] }).neighbors?.[0];
  }

  private bgpctl(...args: string[]): Promise<string> {
    return runChecked('bgpctl', ['-s', this.socket, ...args]);
  }
}

interface OpenbgpdNeighbor {
  readonly state?: string;
  readonly last_error_received?: string;
  readonly stats?: { readonly message?: { readonly received?: { readonly open?: number } } };
  readonly session?: { readonly remote?: { readonly port?: number } };
}

interface OpenbgpdRibEntry {
  readonly prefix: string;
  readonly aspath?: string;
  readonly exit_nexthop?: string;
  readonly origin?: string;
  readonly metric?: number;
  readonly communities?: readonly string[];
  readonly large_communities?: readonly string[];
  readonly extended_communities?: readonly string[];
}

/**
 * `bgpctl -j show rib in neighbor X detail`: { rib: [ { prefix, aspath: "65001 65100",
 * exit_nexthop, origin, metric, communities, large_communities, extended_communities: ["rt 65001:1"] } ] }.
 * Local preference is left out: on an eBGP session it is OpenBGPD's own default, not what was sent.
 */
export function parseOpenbgpdRib(json: string): Route[] {
  const text = json.trim();
  if (text === '') return [];
  const rib = (JSON.parse(text) as { rib?: OpenbgpdRibEntry[] }).rib ?? [];
  return rib.map((e) => {
    const route: { -readonly [K in keyof Route]: Route[K] } = { prefix: e.prefix, nextHop: e.exit_nexthop ?? '' };
    if (e.origin !== undefined) route.origin = ORIGIN_FROM_OPENBGPD[e.origin];
    // AS_PATH, RFC 4271 §5.1.2, flattened: AS_SETs print as "{ 1 2 }".
    if (e.aspath !== undefined) route.asPath = e.aspath.replace(/[{}]/g, ' ').split(/\s+/).filter(Boolean).map(Number);
    if (e.metric !== undefined) route.med = e.metric;
    if (e.communities) route.communities = [...e.communities];
    if (e.large_communities) route.largeCommunities = [...e.large_communities];
    if (e.extended_communities) {
      route.extendedCommunities = e.extended_communities.map((c) => {
        const [kind, value] = c.split(' ');
        const name = EXT_KIND_FROM_OPENBGPD[kind ?? ''];
        return name && value ? `${name}:${value}` : c;
      });
    }
    return route;
  });
}
