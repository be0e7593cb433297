/**
 * One BIRD 2 process with a BGP protocol per peer, for the many-peers cases: the sender (a table,
 * statics and a disabled BGP protocol per peer) or the BIRD receiver (a passive protocol per peer).
 * Started in the foreground, every session's state and hold timer expiry read from its log, its
 * counters read through the control socket. See /work/shared/PEERS.md.
 */
import path from 'path';
import {
  RECEIVER_BGP_PREFIX,
  SENDER_BGP_PREFIX,
  SENDER_STATIC_PREFIX,
  peerIndexOfProtocol,
  writeManyPeersReceiverConfig,
  writeManyPeersSenderConfig,
} from '../gen/bird-many-peers-config';
import type { ManyPeersEndpoint, ManyPeersLayout } from '../gen/many-peers-layout';
import { parseProtocolRoutes, totalImported, type ProtocolRoutes } from '../measure/bird-protocol-routes';
import { pollUntil, type Deadline } from '../measure/deadline';
import { PeerSessions } from '../measure/peer-sessions';
import { birdSessionEvents } from '../measure/session-log-lines';
import { BirdControl, parseRouteCount } from './bird-control';
import { wakeBirdEvery } from './bird-waker';
import { TrackedChild } from './tracked-child';

export type ManyPeersBirdRole =
  | { readonly kind: 'sender'; readonly receiver: ManyPeersEndpoint; readonly nextHop: string }
  | { readonly kind: 'receiver'; readonly receiver: ManyPeersEndpoint };

export class ManyPeersBird {
  private stopWaking: (() => void) | undefined;

  private constructor(
    readonly child: TrackedChild,
    private readonly control: BirdControl,
    /** Name prefix of this process's BGP protocols. */
    readonly bgpPrefix: string,
    readonly sessions: PeerSessions,
  ) {}

  /** Writes the config into `dir`, starts BIRD and waits until its control socket answers. */
  static async start(name: string, dir: string, layout: ManyPeersLayout, role: ManyPeersBirdRole, deadline: Deadline): Promise<ManyPeersBird> {
    const configFile = path.join(dir, `${name}.conf`);
    const socketPath = path.join(dir, `${name}.ctl`);
    if (role.kind === 'sender') writeManyPeersSenderConfig(configFile, layout, role.receiver, role.nextHop);
    else writeManyPeersReceiverConfig(configFile, layout, role.receiver);
    const prefix = role.kind === 'sender' ? SENDER_BGP_PREFIX : RECEIVER_BGP_PREFIX;
    const sessions = new PeerSessions(layout.peers.length, name);
    const peerOf = (protocol: string) => peerIndexOfProtocol(prefix, protocol);
    const child = new TrackedChild({
      name,
      command: 'bird',
      args: ['-f', '-c', configFile, '-s', socketPath],
      onStderrLine: (line) => {
        for (const event of birdSessionEvents(line)) sessions.apply(event, peerOf);
      },
    });
    try {
      const control = await pollUntil(`${name} control socket`, deadline, () => BirdControl.connect(socketPath, 2000).catch(() => undefined), {
        intervalMs: 100,
        abort: () => child.exitText(),
      });
      return new ManyPeersBird(child, control, prefix, sessions);
    } catch (err) {
      await child.stop();
      throw err;
    }
  }

  get pid(): number {
    return this.child.pid;
  }

  command(line: string, timeoutMs?: number): Promise<string> {
    return this.control.command(line, timeoutMs);
  }

  /** Counters of every protocol whose name starts with `prefix` (one query, no table walk). */
  async protocolRoutes(prefix: string): Promise<Map<string, ProtocolRoutes>> {
    return parseProtocolRoutes(await this.command(`show protocols all "${prefix}*"`));
  }

  /** Routes all BGP protocols have imported. */
  async bgpImported(): Promise<number> {
    return totalImported(await this.protocolRoutes(this.bgpPrefix));
  }

  /** Routes all static protocols (the sender's) have put in their tables. */
  async staticImported(): Promise<number> {
    return totalImported(await this.protocolRoutes(SENDER_STATIC_PREFIX));
  }

  /** Starts every BGP protocol configured `disabled` with one command, so all sessions start together. */
  async enableBgp(): Promise<void> {
    await this.command(`enable "${this.bgpPrefix}*"`);
  }

  /** `show route count` of master4: walks the table, for the final check only. */
  async routeCount(): Promise<number> {
    const text = await this.command('show route count table master4', 60000);
    const n = parseRouteCount(text);
    if (n === undefined) throw new Error(`${this.child.name}: cannot read a route count from: ${text}`);
    return n;
  }

  async hasRoute(prefix: string): Promise<boolean> {
    const text = await this.command(`show route ${prefix} table master4`);
    return text.split('\n').some((l) => l.startsWith(`${prefix} `));
  }

  /** Wakes BIRD's main loop every SENDER_WAKE_MS until stop() (bench/daemons/bird-waker.ts). */
  wakeWhileSending(): void {
    this.stopWaking ??= wakeBirdEvery(this.control);
  }

  async stop(): Promise<void> {
    this.stopWaking?.();
    this.control.close();
    await this.child.stop();
  }
}
