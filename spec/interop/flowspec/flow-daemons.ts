/**
 * Recipes for real daemons that carry FlowSpec (RFC 8955 / RFC 8956) with one iBGP neighbor on
 * loopback: gobgpd 3.10, BIRD 2.0.12 (flow4/flow6 tables and channels), FRR 8.4's bgpd
 * (address-family ipv4/ipv6 flowspec) and ExaBGP 4.2 (API events). Each listens only (the neighbor connects), so the raw
 * speaker, or later rxbgp itself, is always the connecting side. iBGP keeps the test UPDATEs
 * simple: an empty AS_PATH and LOCAL_PREF are what RFC 4271 asks for there.
 *
 * Each daemon is started in the foreground as our child and stopped by its PID (harness/child.ts).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir, writeFileAtomic } from '../harness/temp-dir';

export interface FlowDaemonOptions {
  /** The daemon's address and BGP listening port. */
  readonly address: string;
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
  /** Its only neighbor, which connects to it. */
  readonly neighbor: string;
  /** The neighbor's AS: default the daemon's own (iBGP). */
  readonly neighborAs?: number;
}

export interface FlowDaemon {
  readonly name: string;
  /** Runs the daemon's CLI with these words; rejects on a non-zero exit. */
  cli(...args: string[]): Promise<string>;
  exited(): string | undefined;
  logTail(): string;
  /** Log lines kept since start (all of them), for session-reset checks. */
  readonly log: readonly string[];
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15000;

abstract class Daemon implements FlowDaemon {
  readonly log: string[] = [];
  protected child!: Child;

  constructor(
    readonly name: string,
    protected readonly dir: string,
  ) {}

  protected start(command: string, args: string[]): void {
    this.child = new Child({ name: this.name, command, args, onLine: (line) => this.log.push(line) });
  }

  abstract cli(...args: string[]): Promise<string>;

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `${this.name} exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    return this.child.lastLines();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  protected async ready(probe: () => Promise<boolean>): Promise<this> {
    try {
      await pollUntil(`${this.name} to answer its CLI`, async () => ((await probe()) ? true : undefined), {
        timeoutMs: STARTUP_TIMEOUT_MS,
        context: () => this.logTail(),
        abort: () => this.exited(),
      });
    } catch (err) {
      await this.stop();
      throw err;
    }
    return this;
  }
}

// --- GoBGP -----------------------------------------------------------------------------------

export const GOBGP_FLOW_FAMILIES = ['ipv4-flowspec', 'ipv6-flowspec', 'l3vpn-ipv4-flowspec', 'l3vpn-ipv6-flowspec'] as const;

/** gobgpd listening for its one neighbor, with `families` (default the four FlowSpec ones). */
export function gobgpFlowToml(o: FlowDaemonOptions, families: readonly string[] = GOBGP_FLOW_FAMILIES): string {
  return `[global.config]
  as = ${o.asn}
  router-id = "${o.routerId}"
  port = ${o.port}
  local-address-list = ["${o.address}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${o.neighbor}"
    peer-as = ${o.neighborAs ?? o.asn}
  [neighbors.transport.config]
    local-address = "${o.address}"
    passive-mode = true
${families.map((name) => `  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "${name}"`).join('\n')}
`;
}

class Gobgp extends Daemon {
  constructor(
    o: FlowDaemonOptions,
    private readonly apiPort: number,
  ) {
    super(`gobgpd ${o.address}:${o.port}`, makeTempDir('flow-gobgp'));
    const file = path.join(this.dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpFlowToml(o));
    this.start('gobgpd', ['-f', file, '--api-hosts', `127.0.0.1:${apiPort}`, '--pprof-disable']);
  }

  cli(...args: string[]): Promise<string> {
    return runChecked('gobgp', ['-p', String(this.apiPort), ...args], 10000);
  }

  init(): Promise<this> {
    return this.ready(async () => (await runCommand('gobgp', ['-p', String(this.apiPort), 'neighbor'])).code === 0);
  }
}

export function startGobgpFlow(o: FlowDaemonOptions, apiPort: number): Promise<FlowDaemon> {
  return new Gobgp(o, apiPort).init();
}

// --- BIRD 2 ----------------------------------------------------------------------------------

/** The BGP protocol's name (`rx` is a keyword in BIRD 2.0.12). */
export const BIRD_PROTOCOL = 'flowpeer';

/**
 * `originate`: static flow routes BIRD sends its neighbor, as BIRD writes them with their
 * attributes, e.g. `flow4 { dst 10.170.1.0/24; proto 6; } { bgp_ext_community.add((generic, 0x80060000, 0)); }`.
 */
export function birdFlowConfig(o: FlowDaemonOptions, originate: readonly string[] = []): string {
  const statics = (v: 4 | 6): string =>
    `protocol static flowstatic${v} {\n  flow${v} { table flowtab${v}; };\n${originate
      .filter((r) => r.startsWith(`flow${v} `))
      .map((r) => `  route ${r};\n`)
      .join('')}}\n`;
  return `log stderr all;
router id ${o.routerId};
flow4 table flowtab4;
flow6 table flowtab6;
protocol device { }
${statics(4)}${statics(6)}protocol bgp ${BIRD_PROTOCOL} {
  local ${o.address} port ${o.port} as ${o.asn};
  neighbor ${o.neighbor} as ${o.asn};
  multihop;
  passive on;
  error wait time 1, 5;
  flow4 { table flowtab4; import all; export where source = RTS_STATIC; };
  flow6 { table flowtab6; import all; export where source = RTS_STATIC; };
}
`;
}

export interface BirdFlowDaemon extends FlowDaemon {
  /** Rewrites the static flow routes BIRD originates and reloads (`birdc configure`, no session reset). */
  originate(routes: readonly string[]): Promise<void>;
}

class Bird extends Daemon implements BirdFlowDaemon {
  private readonly socket: string;
  private readonly file: string;

  constructor(
    private readonly o: FlowDaemonOptions,
    originated: readonly string[],
  ) {
    super(`bird ${o.address}:${o.port}`, makeTempDir('flow-bird'));
    this.file = path.join(this.dir, 'bird.conf');
    this.socket = path.join(this.dir, 'bird.ctl');
    fs.writeFileSync(this.file, birdFlowConfig(o, originated));
    this.start('bird', ['-f', '-c', this.file, '-s', this.socket]);
  }

  cli(...args: string[]): Promise<string> {
    return runChecked('birdc', ['-s', this.socket, ...args]);
  }

  async originate(routes: readonly string[]): Promise<void> {
    writeFileAtomic(this.file, birdFlowConfig(this.o, routes));
    const out = await this.cli('configure');
    if (!/Reconfigured|Reconfiguration in progress/.test(out)) throw new Error(`${this.name}: birdc configure said: ${out.trim()}`);
  }

  init(): Promise<this> {
    return this.ready(async () => /Daemon is up and running/.test((await runCommand('birdc', ['-s', this.socket, 'show', 'status'])).stdout));
  }
}

export function startBirdFlow(o: FlowDaemonOptions, originated: readonly string[] = []): Promise<BirdFlowDaemon> {
  return new Bird(o, originated).init();
}

// --- FRR bgpd --------------------------------------------------------------------------------

const BGPD = '/usr/lib/frr/bgpd';

export function frrFlowConfig(o: FlowDaemonOptions): string {
  const n = o.neighbor;
  return `frr defaults traditional
hostname flowinterop
!
router bgp ${o.asn}
 bgp router-id ${o.routerId}
 no bgp ebgp-requires-policy
 no bgp default ipv4-unicast
 neighbor ${n} remote-as ${o.asn}
 neighbor ${n} update-source ${o.address}
 neighbor ${n} passive
 address-family ipv4 flowspec
  neighbor ${n} activate
 exit-address-family
 address-family ipv6 flowspec
  neighbor ${n} activate
 exit-address-family
exit
`;
}

class Frr extends Daemon {
  constructor(private readonly o: FlowDaemonOptions) {
    super(`frr ${o.address}:${o.port}`, makeTempDir('flow-frr'));
    const file = path.join(this.dir, 'bgpd.conf');
    fs.writeFileSync(file, frrFlowConfig(o));
    const { uid, gid } = frrIds();
    fs.chmodSync(this.dir, 0o755);
    fs.chownSync(this.dir, uid, gid);
    fs.chownSync(file, uid, gid);
    // -Z: no zebra (nothing is installed; bgpd still holds and shows the rules).
    this.start(BGPD, ['-f', file, '-p', String(o.port), '-l', o.address, '-Z', '-n', '--vty_socket', this.dir, '-i', path.join(this.dir, 'bgpd.pid'), '-u', 'frr', '-g', 'frr', '-P', '0', '--log', 'stdout']);
  }

  async cli(...args: string[]): Promise<string> {
    const command = args.join(' ');
    const result = await runCommand('vtysh', ['--vty_socket', this.dir, '-c', command], 10000);
    if (result.code !== 0 || /^%/m.test(result.stdout)) throw new Error(`vtysh -c '${command}' exited ${result.code}: ${(result.stderr || result.stdout).trim()}`);
    return result.stdout;
  }

  init(): Promise<this> {
    return this.ready(async () => (await runCommand('vtysh', ['--vty_socket', this.dir, '-c', `show bgp neighbors ${this.o.neighbor} json`])).stdout.includes(this.o.neighbor));
  }
}

function frrIds(): { uid: number; gid: number } {
  const fields = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'))?.split(':');
  if (!fields || fields.length < 4) throw new Error('no "frr" user in /etc/passwd (is the frr package installed?)');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

export function startFrrFlow(o: FlowDaemonOptions): Promise<FlowDaemon> {
  return new Frr(o).init();
}

// --- ExaBGP 4.2 ------------------------------------------------------------------------------

/** The API helper of the unicast interop suite: events to a file, commands from a file. */
const EXABGP_HELPER = path.join(__dirname, '..', 'peers', 'exabgp-api-helper.py');

export function exabgpFlowConfig(o: FlowDaemonOptions, eventsFile: string, commandsFile: string): string {
  return `process flowtest {
  run /usr/bin/python3 ${EXABGP_HELPER} ${eventsFile} ${commandsFile};
  encoder json;
}
neighbor ${o.neighbor} {
  router-id ${o.routerId};
  local-address ${o.address};
  local-as ${o.asn};
  peer-as ${o.asn};
  hold-time 90;
  passive true;
  family { ipv4 flow; ipv6 flow; ipv4 flow-vpn; ipv6 flow-vpn; }
  api { processes [ flowtest ]; neighbor-changes; receive { parsed; update; notification; } }
}
`;
}

export interface ExabgpFlowDaemon extends FlowDaemon {
  /** ExaBGP's JSON events (one object per line) its API helper has written so far. */
  events(): string[];
  /** Appends API commands (`announce flow route ...`) for the helper to pass on. */
  command(line: string): void;
}

class Exabgp extends Daemon implements ExabgpFlowDaemon {
  private readonly eventsFile: string;
  private readonly commandsFile: string;

  constructor(o: FlowDaemonOptions) {
    super(`exabgp ${o.address}:${o.port}`, makeTempDir('flow-exabgp'));
    this.eventsFile = path.join(this.dir, 'events.jsonl');
    this.commandsFile = path.join(this.dir, 'commands.txt');
    const file = path.join(this.dir, 'exabgp.conf');
    fs.writeFileSync(this.commandsFile, '');
    fs.writeFileSync(file, exabgpFlowConfig(o, this.eventsFile, this.commandsFile));
    this.child = new Child({
      name: this.name,
      command: 'exabgp',
      args: ['--env', '/dev/null', file],
      env: {
        ...process.env,
        'exabgp.tcp.bind': o.address,
        'exabgp.tcp.port': String(o.port),
        'exabgp.daemon.user': os.userInfo().username,
        'exabgp.daemon.drop': 'false',
        'exabgp.daemon.daemonize': 'false',
        'exabgp.api.cli': 'false',
        'exabgp.log.destination': 'stdout',
        'exabgp.log.short': 'true',
      },
      onLine: (line) => this.log.push(line),
    });
  }

  cli(): Promise<string> {
    return Promise.reject(new Error('exabgp has no query CLI here: read events()'));
  }

  events(): string[] {
    if (!fs.existsSync(this.eventsFile)) return [];
    return fs.readFileSync(this.eventsFile, 'utf8').split('\n').filter((l) => l.startsWith('{'));
  }

  command(line: string): void {
    fs.appendFileSync(this.commandsFile, `${line}\n`);
  }

  init(): Promise<this> {
    return this.ready(async () => fs.existsSync(this.eventsFile));
  }
}

export function startExabgpFlow(o: FlowDaemonOptions): Promise<ExabgpFlowDaemon> {
  return new Exabgp(o).init();
}
