/**
 * FRR's bgpd (Debian's 8.4) on its own, without zebra (-Z), with one neighbor. Queried and
 * configured with `vtysh` over its own vty socket directory. A route it originates is a `network`
 * statement with a route-map of its own that sets the route's attributes; withdrawing removes both.
 * See /work/shared/PEERS.md:
 * - The run directory and the config must belong to frr:frr (bgpd drops to that user).
 * - `no bgp ebgp-requires-policy` (else nothing is sent or accepted on an eBGP session) and
 *   `no bgp network import-check` (else a `network` without a matching IGP route is not announced).
 * - FRR refuses a next hop in 127.0.0.0/8 with NOTIFICATION 3/8: send it 198.51.100.x / 2001:db8::x.
 * - To an eBGP neighbor FRR puts itself as next hop; `attribute-unchanged next-hop` keeps the one
 *   the route-map set (for IPv6 it did nothing when added to a running session: it is in the
 *   startup config). A route's next hop must therefore be an address, not "self".
 * - To an eBGP neighbor it prepends its own AS to the path it is given.
 * - It holds updates about 1 s before sending them.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { familyOf, type Origin, type Route, type UnicastFamily } from '../harness/route';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { whenReady, type BgpPeer } from './bgp-peer';

export interface FrrOptions {
  readonly address: string;
  /** Where bgpd listens for BGP. */
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
  readonly neighbor: {
    readonly address: string;
    readonly asn: number;
    /** bgpd connects to this port; without it bgpd only listens (`neighbor X passive`). */
    readonly port?: number;
  };
  readonly families: readonly UnicastFamily[];
}

const BGPD = '/usr/lib/frr/bgpd';
const FRR_USER = 'frr';
const STARTUP_TIMEOUT_MS = 15000;

const ORIGIN_FROM_FRR: Record<string, Origin> = { IGP: 'igp', EGP: 'egp', incomplete: 'incomplete' };

/** FRR's extended community kinds and ExaBGP's words for them (RFC 4360 §5). */
const EXT_KIND_TO_FRR: Record<string, string> = { target: 'rt', origin: 'soo' };
const EXT_KIND_FROM_FRR: Record<string, string> = { RT: 'target', SoO: 'origin' };

export function frrConfig(o: FrrOptions): string {
  const n = o.neighbor.address;
  const connect = o.neighbor.port === undefined ? `neighbor ${n} passive` : `neighbor ${n} port ${o.neighbor.port}`;
  const families = o.families
    .map(
      (f) => ` address-family ${f}
  neighbor ${n} activate
  neighbor ${n} attribute-unchanged next-hop
 exit-address-family
`,
    )
    .join('');
  return `frr defaults traditional
hostname interop
!
router bgp ${o.asn}
 bgp router-id ${o.routerId}
 no bgp ebgp-requires-policy
 no bgp network import-check
 no bgp default ipv4-unicast
 neighbor ${n} remote-as ${o.neighbor.asn}
 neighbor ${n} update-source ${o.address}
 neighbor ${n} timers connect 1
 ${connect}
${families}exit
`;
}

/** The route-map that gives a `network` its attributes; `asPath` is the path before FRR prepends its AS. */
export function routeMapCommands(name: string, r: Route): string[] {
  const sets: string[] = [familyOf(r.prefix) === 'ipv4 unicast' ? `set ip next-hop ${r.nextHop}` : `set ipv6 next-hop global ${r.nextHop}`];
  if (r.origin) sets.push(`set origin ${r.origin}`); // FRR's words are ours: igp, egp, incomplete
  if (r.asPath?.length) sets.push(`set as-path prepend ${r.asPath.join(' ')}`);
  if (r.med !== undefined) sets.push(`set metric ${r.med}`);
  if (r.localPref !== undefined) sets.push(`set local-preference ${r.localPref}`);
  if (r.communities?.length) sets.push(`set community ${r.communities.join(' ')}`);
  if (r.largeCommunities?.length) sets.push(`set large-community ${r.largeCommunities.join(' ')}`);
  const extended = new Map<string, string[]>();
  for (const c of r.extendedCommunities ?? []) {
    const match = /^(\w+):(.+)$/.exec(c);
    const kind = EXT_KIND_TO_FRR[match?.[1] ?? ''];
    if (!match || !kind) throw new Error(`frr module: unsupported extended community "${c}"`);
    extended.set(kind, [...(extended.get(kind) ?? []), match[2]!]);
  }
  for (const [kind, values] of extended) sets.push(`set extcommunity ${kind} ${values.join(' ')}`);
  return [`route-map ${name} permit 10`, ...sets, 'exit'];
}

export async function startFrr(options: FrrOptions): Promise<BgpPeer> {
  return whenReady(new Frr(options, makeTempDir('frr')));
}

class Frr implements BgpPeer {
  readonly name: string;
  readonly address: string;
  private readonly child: Child;
  private readonly announced = new Set<string>();

  constructor(
    private readonly options: FrrOptions,
    private readonly dir: string,
  ) {
    this.name = `frr ${options.address}:${options.port}`;
    this.address = options.address;
    const configFile = path.join(dir, 'bgpd.conf');
    fs.writeFileSync(configFile, frrConfig(options));
    // bgpd drops to frr:frr before it opens its vty socket and pid file in the directory.
    const { uid, gid } = frrIds();
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, uid, gid);
    fs.chownSync(configFile, uid, gid);
    this.child = new Child({
      name: this.name,
      command: BGPD,
      args: [
        '-f', configFile,
        '-p', String(options.port),
        '-l', options.address,
        '-Z', // no zebra: nothing to install routes into
        '-n', // no netns for VRFs
        '--vty_socket', dir,
        '-i', path.join(dir, 'bgpd.pid'),
        '-u', FRR_USER,
        '-g', FRR_USER,
        '-P', '0', // no vty TCP port
        '--log', 'stdout',
      ],
    });
  }

  /** Ready when vtysh answers and shows the configured neighbor. */
  async ready(): Promise<void> {
    await pollUntil(
      `${this.name} to answer vtysh on ${this.dir}`,
      async () => ((await this.neighborState()) ? true : undefined),
      { timeoutMs: STARTUP_TIMEOUT_MS, context: () => this.logTail(), abort: () => this.exited() },
    );
  }

  async isEstablished(): Promise<boolean> {
    return (await this.neighborState())?.bgpState === 'Established';
  }

  /** FRR counts the sessions it has established with the neighbor; each has its own TCP ports. */
  async sessionMark(): Promise<string | undefined> {
    const state = await this.neighborState();
    if (state?.bgpState !== 'Established') return undefined;
    return `${state.connectionsEstablished} ${state.portLocal}-${state.portForeign}`;
  }

  async receivedRoutes(): Promise<Route[]> {
    const routes: Route[] = [];
    for (const family of this.options.families) {
      routes.push(...parseFrrRoutes(await this.vtysh(`show bgp ${family} json detail`), this.options.neighbor.address));
    }
    return routes;
  }

  /** The last NOTIFICATION FRR received, when it was a Cease: "Cease/Administrative Shutdown". */
  async receivedCease(): Promise<string | undefined> {
    const state = await this.neighborState();
    if (state?.lastResetDueTo !== 'BGP Notification received' || !state.lastErrorCodeSubcode?.startsWith('06')) return undefined;
    const text = state.lastShutdownDescription ? `, "${state.lastShutdownDescription}"` : '';
    return `${state.lastNotificationReason ?? state.lastErrorCodeSubcode}${text}`;
  }

  async announce(routes: readonly Route[]): Promise<void> {
    for (const route of routes) {
      if (this.announced.has(route.prefix)) await this.withdraw([route.prefix]);
      const name = routeMapName(route.prefix);
      await this.configure([
        ...routeMapCommands(name, route),
        `router bgp ${this.options.asn}`,
        `address-family ${familyOf(route.prefix)}`,
        `network ${route.prefix} route-map ${name}`,
      ]);
      this.announced.add(route.prefix);
    }
  }

  async withdraw(prefixes: readonly string[]): Promise<void> {
    for (const prefix of prefixes) {
      if (!this.announced.has(prefix)) throw new Error(`${this.name}: ${prefix} was not announced by this module`);
      await this.configure([
        `router bgp ${this.options.asn}`,
        `address-family ${familyOf(prefix)}`,
        `no network ${prefix}`,
        'exit-address-family',
        'exit',
        `no route-map ${routeMapName(prefix)}`,
      ]);
      this.announced.delete(prefix);
    }
  }

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `frr bgpd exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    return this.child.lastLines();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  private async neighborState(): Promise<FrrNeighbor | undefined> {
    const out = await this.vtysh(`show bgp neighbors ${this.options.neighbor.address} json`);
    return (JSON.parse(out) as Record<string, FrrNeighbor | undefined>)[this.options.neighbor.address];
  }

  /** Config commands in one vtysh call; vtysh prints "% ..." for a command it refused. */
  private async configure(commands: readonly string[]): Promise<void> {
    const out = await runChecked('vtysh', ['--vty_socket', this.dir, '-c', 'configure terminal', ...commands.flatMap((c) => ['-c', c])]);
    if (/^%/m.test(out)) throw new Error(`${this.name}: vtysh refused [${commands.join('; ')}]: ${out.trim()}`);
  }

  private async vtysh(command: string): Promise<string> {
    const result = await runCommand('vtysh', ['--vty_socket', this.dir, '-c', command]);
    if (result.code !== 0 || /^%/m.test(result.stdout)) {
      throw new Error(`vtysh -c '${command}' exited ${result.code}: ${(result.stderr || result.stdout).trim()}`);
    }
    return result.stdout;
  }
}

function frrIds(): { uid: number; gid: number } {
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${FRR_USER}:`));
  const fields = passwd?.split(':');
  if (!fields || fields.length < 4) throw new Error(`frr module: no "${FRR_USER}" user in /etc/passwd (is the frr package installed?)`);
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** One route-map per originated prefix, named after it. */
function routeMapName(prefix: string): string {
  return `rx-${prefix.replace(/[^0-9a-fA-F.]/g, '-')}`;
}

interface FrrNeighbor {
  readonly bgpState?: string;
  readonly connectionsEstablished?: number;
  readonly portLocal?: number;
  readonly portForeign?: number;
  readonly lastResetDueTo?: string;
  readonly lastErrorCodeSubcode?: string;
  readonly lastNotificationReason?: string;
  readonly lastShutdownDescription?: string;
}

interface FrrPath {
  readonly aspath?: { readonly segments?: ReadonlyArray<{ readonly list?: readonly number[] }> };
  readonly origin?: string;
  readonly metric?: number;
  readonly locPrf?: number;
  readonly community?: { readonly list?: readonly string[] };
  readonly largeCommunity?: { readonly list?: readonly string[] };
  readonly extendedCommunity?: { readonly string?: string };
  readonly nexthops?: ReadonlyArray<{ readonly ip?: string; readonly scope?: string }>;
  readonly peer?: { readonly peerId?: string };
}

/**
 * `show bgp <afi> unicast json detail`: routes[prefix] is a list whose first element describes the
 * prefix and the others are its paths; only the paths learned from `neighbor` are kept.
 */
export function parseFrrRoutes(json: string, neighbor: string): Route[] {
  const table = JSON.parse(json) as { routes?: Record<string, ReadonlyArray<FrrPath>> };
  const routes: Route[] = [];
  for (const [prefix, entries] of Object.entries(table.routes ?? {})) {
    for (const p of entries.slice(1)) {
      if (p.peer?.peerId !== neighbor) continue;
      const route: { -readonly [K in keyof Route]: Route[K] } = { prefix, nextHop: globalNextHop(p) };
      if (p.origin !== undefined) route.origin = ORIGIN_FROM_FRR[p.origin];
      // AS_PATH, RFC 4271 §5.1.2 (segments flattened: the suite sends AS_SEQUENCEs only)
      if (p.aspath) route.asPath = (p.aspath.segments ?? []).flatMap((s) => s.list ?? []);
      if (p.metric !== undefined) route.med = p.metric;
      if (p.locPrf !== undefined) route.localPref = p.locPrf;
      if (p.community) route.communities = [...(p.community.list ?? [])];
      if (p.largeCommunity) route.largeCommunities = [...(p.largeCommunity.list ?? [])];
      if (p.extendedCommunity) route.extendedCommunities = extendedCommunities(p.extendedCommunity.string ?? '');
      routes.push(route);
    }
  }
  return routes;
}

/** FRR lists an IPv6 route's global next hop and, when there is one, its link-local one. */
function globalNextHop(p: FrrPath): string {
  const hops = p.nexthops ?? [];
  return (hops.find((h) => h.scope === undefined || h.scope === 'global') ?? hops[0])?.ip ?? '';
}

/** "RT:65011:1 SoO:65011:2" to ExaBGP's "target:65011:1", "origin:65011:2". */
function extendedCommunities(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => {
      const match = /^(\w+):(.+)$/.exec(c);
      const kind = match ? EXT_KIND_FROM_FRR[match[1]!] : undefined;
      return kind ? `${kind}:${match![2]}` : c;
    });
}
