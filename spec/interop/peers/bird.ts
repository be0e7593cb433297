/**
 * BIRD 2 (Debian's 2.0.12) with one BGP neighbor, queried with `birdc`. Routes it originates are
 * static blackhole routes whose BGP attributes are set per prefix by the export filter (BIRD only
 * sends a MED to an eBGP neighbor when the export filter sets it); announcing or withdrawing
 * rewrites the config and runs `birdc configure`, which re-exports without resetting the session.
 * See /work/shared/PEERS.md:
 * - `multihop` is required: 127.0.0.x is not a directly connected neighbor.
 * - `rx` is a keyword in BIRD 2.0.12's grammar, so the protocol is called `interop`.
 * - To an eBGP neighbor BIRD prepends its own AS to the path.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { familyOf, type Origin, type Route, type UnicastFamily } from '../harness/route';
import { makeTempDir, removeTempDir, writeFileAtomic } from '../harness/temp-dir';
import { whenReady, type BgpPeer } from './bgp-peer';

export interface BirdOptions {
  readonly address: string;
  /** Where BIRD listens for BGP. */
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
  readonly neighbor: {
    readonly address: string;
    readonly asn: number;
    /** BIRD connects to this port; without it BIRD only listens (`passive on`). */
    readonly port?: number;
  };
  readonly families: readonly UnicastFamily[];
}

const PROTOCOL = 'interop';
const STARTUP_TIMEOUT_MS = 10000;

/** BIRD's names for Cease subcodes (RFC 4486), as in "Received: Administrative shutdown". */
const CEASE_TEXT =
  /Received: (Cease|Maximum number of prefixes reached|Administrative shutdown|Peer de-configured|Administrative reset|Connection rejected|Other configuration change|Connection collision resolution|Out of Resources)\b.*/;

const BIRD_ORIGIN: Record<Origin, string> = { igp: 'ORIGIN_IGP', egp: 'ORIGIN_EGP', incomplete: 'ORIGIN_INCOMPLETE' };
const ORIGIN_FROM_BIRD: Record<string, Origin> = { IGP: 'igp', EGP: 'egp', Incomplete: 'incomplete' };

/** BIRD's extended community kinds and ExaBGP's words for them (RFC 4360 §5). */
const EXT_KIND_TO_BIRD: Record<string, string> = { target: 'rt', origin: 'ro' };
const EXT_KIND_FROM_BIRD: Record<string, string> = { rt: 'target', ro: 'origin' };

export function birdConfig(o: BirdOptions, routes: readonly Route[]): string {
  const statics = (family: UnicastFamily) =>
    routes
      .filter((r) => familyOf(r.prefix) === family)
      .map((r) => `  route ${r.prefix} blackhole;\n`)
      .join('');
  const exportRules = routes.map((r) => `  if net = ${r.prefix} then { ${exportAttributes(r)} }\n`).join('');
  const connect = o.neighbor.port === undefined ? 'passive on;' : 'passive off;';
  const neighborPort = o.neighbor.port === undefined ? '' : ` port ${o.neighbor.port}`;
  // Over an IPv4 session BIRD has no IPv6 next hop of its own: without one it warns "Missing next
  // hop address" and, while a reconfiguration swaps the filter, exports with a zero next hop.
  const ipv6NextHop = `2001:db8::${o.address.split('.').pop()}`;
  const channels = o.families
    .map((f) =>
      f === 'ipv4 unicast'
        ? '  ipv4 { import all; export filter to_neighbor; };\n'
        : `  ipv6 { import all; export filter to_neighbor; next hop address ${ipv6NextHop}; };\n`,
    )
    .join('');
  return `log stderr all;
router id ${o.routerId};
protocol device { }
protocol static static4 { ipv4;
${statics('ipv4 unicast')}}
protocol static static6 { ipv6;
${statics('ipv6 unicast')}}
filter to_neighbor {
  if source != RTS_STATIC then reject;
${exportRules}  accept;
}
protocol bgp ${PROTOCOL} {
  local ${o.address} port ${o.port} as ${o.asn};
  neighbor ${o.neighbor.address}${neighborPort} as ${o.neighbor.asn};
  multihop;
  ${connect}
  connect delay time 1; connect retry time 1; error wait time 1, 5;
${channels}}
`;
}

/** Filter statements that give a route its attributes; `asPath` is the path before BIRD prepends its AS. */
function exportAttributes(r: Route): string {
  const s: string[] = [`bgp_next_hop = ${r.nextHop};`];
  if (r.origin) s.push(`bgp_origin = ${BIRD_ORIGIN[r.origin]};`);
  for (const asn of [...(r.asPath ?? [])].reverse()) s.push(`bgp_path.prepend(${asn});`);
  if (r.med !== undefined) s.push(`bgp_med = ${r.med};`);
  if (r.localPref !== undefined) s.push(`bgp_local_pref = ${r.localPref};`);
  for (const c of r.communities ?? []) s.push(`bgp_community.add((${c.split(':').join(',')}));`);
  for (const c of r.largeCommunities ?? []) s.push(`bgp_large_community.add((${c.split(':').join(',')}));`);
  for (const c of r.extendedCommunities ?? []) {
    const [kind, admin, assigned] = c.split(':');
    const birdKind = EXT_KIND_TO_BIRD[kind ?? ''];
    if (!birdKind || admin === undefined || assigned === undefined) throw new Error(`bird module: unsupported extended community "${c}"`);
    s.push(`bgp_ext_community.add((${birdKind}, ${admin}, ${assigned}));`);
  }
  return s.join(' ');
}

export async function startBird(options: BirdOptions): Promise<BgpPeer> {
  return whenReady(new Bird(options, makeTempDir('bird')));
}

class Bird implements BgpPeer {
  readonly name: string;
  readonly address: string;
  private readonly child: Child;
  private readonly configFile: string;
  private readonly socket: string;
  private readonly routes = new Map<string, Route>();
  private readonly received: string[] = [];

  constructor(
    private readonly options: BirdOptions,
    private readonly dir: string,
  ) {
    this.name = `bird ${options.address}:${options.port}`;
    this.address = options.address;
    this.configFile = path.join(dir, 'bird.conf');
    this.socket = path.join(dir, 'bird.ctl');
    fs.writeFileSync(this.configFile, birdConfig(options, []));
    this.child = new Child({
      name: this.name,
      command: 'bird',
      args: ['-f', '-c', this.configFile, '-s', this.socket],
      onLine: (line) => this.readLog(line),
    });
  }

  async ready(): Promise<void> {
    await pollUntil(
      `${this.name} to answer on ${this.socket}`,
      async () => (/Daemon is up and running/.test((await runCommand('birdc', ['-s', this.socket, 'show', 'status'])).stdout) ? true : undefined),
      { timeoutMs: STARTUP_TIMEOUT_MS, context: () => this.logTail(), abort: () => this.exited() },
    );
  }

  async isEstablished(): Promise<boolean> {
    return /BGP state:\s+Established/.test(await this.birdc('show', 'protocols', 'all', PROTOCOL));
  }

  /** The protocol's "Since" column changes whenever the session goes up or down. */
  async sessionMark(): Promise<string | undefined> {
    const line = (await this.birdc('show', 'protocols', PROTOCOL)).split('\n').find((l) => l.startsWith(`${PROTOCOL} `));
    if (!line || !/Established/.test(line)) return undefined;
    return line.trim().split(/\s+/).slice(3, 5).join(' ');
  }

  async receivedRoutes(): Promise<Route[]> {
    return parseBirdRoutes(await this.birdc('show', 'route', 'all', 'protocol', PROTOCOL));
  }

  /** BIRD logs `<RMT> interop: Received: Administrative shutdown` for a NOTIFICATION it receives. */
  async receivedCease(): Promise<string | undefined> {
    return this.received.map((text) => CEASE_TEXT.exec(text)?.[0]).filter((t) => t !== undefined).pop();
  }

  async announce(routes: readonly Route[]): Promise<void> {
    for (const r of routes) this.routes.set(r.prefix, r);
    await this.reconfigure();
  }

  async withdraw(prefixes: readonly string[]): Promise<void> {
    for (const p of prefixes) this.routes.delete(p);
    await this.reconfigure();
  }

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `bird exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    return this.child.lastLines();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  private async reconfigure(): Promise<void> {
    writeFileAtomic(this.configFile, birdConfig(this.options, [...this.routes.values()]));
    const out = await this.birdc('configure');
    if (!/Reconfigured|Reconfiguration in progress/.test(out)) throw new Error(`${this.name}: birdc configure said: ${out.trim()}`);
  }

  private birdc(...args: string[]): Promise<string> {
    return runChecked('birdc', ['-s', this.socket, ...args]);
  }

  private readLog(line: string): void {
    const match = new RegExp(`<RMT> ${PROTOCOL}: (Received: .*)$`).exec(line);
    if (match) this.received.push(match[1]!);
  }
}

/**
 * `birdc show route all` output: a line per route (the prefix, or blank when it is another route
 * for the same prefix) followed by tab-indented attribute lines such as
 * `BGP.as_path: 65011 65100`, `BGP.community: (65011,7)`, `BGP.ext_community: (rt, 65011, 1)`,
 * `BGP.large_community: (65011, 1, 2)`.
 */
export function parseBirdRoutes(output: string): Route[] {
  const routes: Array<{ -readonly [K in keyof Route]: Route[K] }> = [];
  let prefix: string | undefined;
  for (const line of output.split('\n')) {
    const head = /^(\S+\/\d+)\s+\S/.exec(line);
    if (head) prefix = head[1]!;
    const another = !head && prefix !== undefined && /^\s+\w+\s+\[/.test(line); // "   unreachable [interop ..."
    if (head || another) {
      routes.push({ prefix: prefix!, nextHop: '' });
      continue;
    }
    const attribute = /^\s+BGP\.(\w+):\s*(.*)$/.exec(line);
    const route = routes[routes.length - 1];
    if (!attribute || !route) continue;
    const [, name, value] = attribute as unknown as [string, string, string];
    switch (name) {
      case 'origin':
        route.origin = ORIGIN_FROM_BIRD[value];
        break;
      case 'as_path':
        route.asPath = value.replace(/[{}]/g, ' ').split(/\s+/).filter(Boolean).map(Number);
        break;
      case 'next_hop':
        route.nextHop = value.split(/\s+/)[0]!;
        break;
      case 'med':
        route.med = Number(value);
        break;
      case 'local_pref':
        route.localPref = Number(value);
        break;
      case 'community':
        route.communities = [...value.matchAll(/\((\d+),\s*(\d+)\)/g)].map((m) => `${m[1]}:${m[2]}`);
        break;
      case 'large_community':
        route.largeCommunities = [...value.matchAll(/\((\d+),\s*(\d+),\s*(\d+)\)/g)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
        break;
      case 'ext_community':
        route.extendedCommunities = [...value.matchAll(/\((\w+),\s*([^,()]+),\s*(\d+)\)/g)].map(
          (m) => `${EXT_KIND_FROM_BIRD[m[1]!] ?? m[1]}:${m[2]}:${m[3]}`,
        );
        break;
    }
  }
  return routes;
}
