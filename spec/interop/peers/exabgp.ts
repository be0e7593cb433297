/**
 * ExaBGP (Debian's 4.2.21) with one neighbor. Everything goes through its API: exabgp-api-helper.py
 * appends ExaBGP's JSON events and command acks to a file this module reads, and passes on the
 * API commands this module appends to another file. See /work/shared/PEERS.md for the settings,
 * which ExaBGP takes from the environment.
 * ExaBGP sends an AS path exactly as it is given (it only adds its own AS when none is given).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Child } from '../harness/child';
import { notificationText } from '../harness/notification';
import { parseEventLine, peerOf, RibFromEvents, stateOf, type ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import type { Route, UnicastFamily } from '../harness/route';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { whenReady, type BgpPeer } from './bgp-peer';

export interface ExabgpOptions {
  readonly address: string;
  /** Where ExaBGP listens for BGP. */
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
  readonly neighbor: {
    readonly address: string;
    readonly asn: number;
    /** ExaBGP connects to this port; without it ExaBGP only listens (`passive true`). */
    readonly port?: number;
  };
  readonly families: readonly UnicastFamily[];
}

const HELPER = path.join(__dirname, 'exabgp-api-helper.py');
/** ExaBGP's own interpreter: Debian's exabgp runs on /usr/bin/python3. */
const PYTHON = '/usr/bin/python3';
const STARTUP_TIMEOUT_MS = 15000;
const ACK_TIMEOUT_MS = 5000;

export function exabgpConfig(o: ExabgpOptions, eventsFile: string, commandsFile: string): string {
  const connect = o.neighbor.port === undefined ? 'passive true;' : `connect ${o.neighbor.port};`;
  return `process interop {
  run ${PYTHON} ${HELPER} ${eventsFile} ${commandsFile};
  encoder json;
}
neighbor ${o.neighbor.address} {
  router-id ${o.routerId};
  local-address ${o.address};
  local-as ${o.asn};
  peer-as ${o.neighbor.asn};
  hold-time 90;
  ${connect}
  family { ${o.families.map((f) => `${f};`).join(' ')} }
  api { processes [ interop ]; neighbor-changes; receive { parsed; update; notification; } }
}
`;
}

/** The ExaBGP API command that announces a route; `asPath` is sent as given. */
export function announceCommand(r: Route): string {
  const words = ['announce', 'route', r.prefix, 'next-hop', r.nextHop];
  if (r.origin) words.push('origin', r.origin);
  if (r.asPath?.length) words.push('as-path', `[${r.asPath.join(' ')}]`);
  if (r.med !== undefined) words.push('med', String(r.med));
  if (r.localPref !== undefined) words.push('local-preference', String(r.localPref));
  if (r.communities?.length) words.push('community', `[${r.communities.join(' ')}]`);
  if (r.largeCommunities?.length) words.push('large-community', `[${r.largeCommunities.join(' ')}]`);
  if (r.extendedCommunities?.length) words.push('extended-community', `[${r.extendedCommunities.join(' ')}]`);
  return words.join(' ');
}

export async function startExabgp(options: ExabgpOptions): Promise<BgpPeer> {
  return whenReady(new Exabgp(options, makeTempDir('exabgp')));
}

class Exabgp implements BgpPeer {
  readonly name: string;
  readonly address: string;
  private readonly child: Child;
  private readonly eventsFile: string;
  private readonly commandsFile: string;
  private readonly events: ExaEvent[] = [];
  private readonly acks: string[] = [];
  private readonly rib: RibFromEvents;
  private readOffset = 0;
  private partialLine = '';
  private readonly announced = new Map<string, Route>();

  constructor(
    private readonly options: ExabgpOptions,
    private readonly dir: string,
  ) {
    this.name = `exabgp ${options.address}:${options.port}`;
    this.address = options.address;
    this.eventsFile = path.join(dir, 'events.jsonl');
    this.commandsFile = path.join(dir, 'commands.txt');
    this.rib = new RibFromEvents(options.neighbor.address);
    const configFile = path.join(dir, 'exabgp.conf');
    fs.writeFileSync(this.commandsFile, '');
    fs.writeFileSync(configFile, exabgpConfig(options, this.eventsFile, this.commandsFile));
    this.child = new Child({
      name: this.name,
      command: 'exabgp',
      args: ['--env', '/dev/null', configFile],
      env: {
        ...process.env,
        'exabgp.tcp.bind': options.address,
        'exabgp.tcp.port': String(options.port),
        'exabgp.daemon.user': os.userInfo().username,
        'exabgp.daemon.drop': 'false',
        'exabgp.daemon.daemonize': 'false',
        'exabgp.api.cli': 'false',
        'exabgp.log.destination': 'stdout',
      },
    });
  }

  /** The helper creates the events file once ExaBGP has loaded the config and started it. */
  async ready(): Promise<void> {
    await pollUntil(`${this.name} to load its config and start its API helper`, () => (fs.existsSync(this.eventsFile) ? true : undefined), {
      timeoutMs: STARTUP_TIMEOUT_MS,
      context: () => this.logTail(),
      abort: () => this.exited(),
    });
  }

  async isEstablished(): Promise<boolean> {
    return this.lastState() === 'up';
  }

  /** How many times ExaBGP has reported the session up. */
  async sessionMark(): Promise<string | undefined> {
    if (this.lastState() !== 'up') return undefined;
    return String(this.mine().filter((e) => stateOf(e) === 'up').length);
  }

  async receivedRoutes(): Promise<Route[]> {
    this.readEvents();
    return this.rib.list();
  }

  async receivedCease(): Promise<string | undefined> {
    const cease = this.mine()
      .filter((e) => e.type === 'notification' && e.neighbor.direction === 'receive' && e.neighbor.notification?.code === 6)
      .pop();
    const n = cease?.neighbor.notification;
    return n ? notificationText(n.code, n.subcode, n.data) : undefined;
  }

  async announce(routes: readonly Route[]): Promise<void> {
    for (const r of routes) this.announced.set(r.prefix, r);
    await this.send(routes.map(announceCommand));
  }

  async withdraw(prefixes: readonly string[]): Promise<void> {
    const commands = prefixes.map((prefix) => {
      const route = this.announced.get(prefix);
      if (!route) throw new Error(`${this.name}: ${prefix} was not announced by this module`);
      this.announced.delete(prefix);
      return `withdraw route ${prefix} next-hop ${route.nextHop}`;
    });
    await this.send(commands);
  }

  exited(): string | undefined {
    const exit = this.child.exit;
    return exit ? `exabgp exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  logTail(): string {
    this.readEvents();
    const events = this.events.slice(-5).map((e) => JSON.stringify(e));
    return `${this.child.lastLines()}\n--- last API events ---\n${events.join('\n') || '(none)'}`;
  }

  async stop(): Promise<void> {
    await this.child.stop();
    removeTempDir(this.dir);
  }

  /** Appends API commands and waits for ExaBGP to acknowledge each one ("done"; "error" fails). */
  private async send(commands: readonly string[]): Promise<void> {
    this.readEvents();
    const before = this.acks.length;
    fs.appendFileSync(this.commandsFile, commands.map((c) => `${c}\n`).join(''));
    const acks = await pollUntil(
      `${this.name} to acknowledge ${commands.length} API command(s)`,
      () => {
        this.readEvents();
        return this.acks.length >= before + commands.length ? this.acks.slice(before) : undefined;
      },
      { timeoutMs: ACK_TIMEOUT_MS, intervalMs: 50, context: () => this.logTail(), abort: () => this.exited() },
    );
    const failed = commands.filter((_, i) => acks[i] !== 'done');
    if (failed.length) throw new Error(`${this.name} refused: ${failed.join('; ')}\n${this.logTail()}`);
  }

  private lastState(): string | undefined {
    return this.mine()
      .map(stateOf)
      .filter((s) => s !== undefined)
      .pop();
  }

  private mine(): ExaEvent[] {
    this.readEvents();
    return this.events.filter((e) => peerOf(e) === this.options.neighbor.address);
  }

  /** Reads what the helper appended since the last call (a few KB per test: synchronous is fine). */
  private readEvents(): void {
    let chunk: Buffer;
    try {
      const fd = fs.openSync(this.eventsFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        chunk = Buffer.alloc(size - this.readOffset);
        fs.readSync(fd, chunk, 0, chunk.length, this.readOffset);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return; // not started yet
    }
    this.readOffset += chunk.length;
    const lines = (this.partialLine + chunk.toString('utf8')).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      const text = line.trim();
      if (text === 'done' || text === 'error') this.acks.push(text);
      const event = parseEventLine(text);
      if (event) {
        this.events.push(event);
        this.rib.apply(event);
      }
    }
  }
}
