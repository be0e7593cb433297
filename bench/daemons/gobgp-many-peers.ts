/**
 * gobgpd with one passive neighbor per peer, for the many-peers GoBGP row: its TOML written, run
 * in the foreground with its own API port, every session's Peer Up / Peer Down / hold timer
 * expiry read from its JSON log, counters read with the `gobgp` CLI (PEERS.md).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { gobgpManyPeersToml } from '../gen/gobgp-many-peers-config';
import { GOBGP_API_PORT, type ManyPeersEndpoint, type ManyPeersLayout } from '../gen/many-peers-layout';
import { pollUntil, type Deadline } from '../measure/deadline';
import { PeerSessions } from '../measure/peer-sessions';
import { gobgpSessionEvents } from '../measure/session-log-lines';
import { TrackedChild } from './tracked-child';

/** The fields of `gobgp neighbor -j` read here. */
interface NeighborJson {
  readonly state?: { readonly neighbor_address?: string };
  readonly afi_safis?: ReadonlyArray<{ readonly state?: { readonly received?: number } }>;
}

export class ManyPeersGobgp {
  private constructor(
    readonly child: TrackedChild,
    readonly sessions: PeerSessions,
  ) {}

  static async start(name: string, dir: string, layout: ManyPeersLayout, receiver: ManyPeersEndpoint, deadline: Deadline): Promise<ManyPeersGobgp> {
    const tomlFile = path.join(dir, `${name}.toml`);
    fs.writeFileSync(tomlFile, gobgpManyPeersToml(layout, receiver));
    const sessions = new PeerSessions(layout.peers.length, name);
    const onLine = (line: string) => {
      for (const event of gobgpSessionEvents(line)) sessions.apply(event, layout.peerIndexOf);
    };
    const child = new TrackedChild({
      name,
      command: 'gobgpd',
      args: ['-f', tomlFile, '--api-hosts', `127.0.0.1:${GOBGP_API_PORT}`, '--pprof-disable'],
      onStdoutLine: onLine,
      onStderrLine: onLine,
    });
    const gobgp = new ManyPeersGobgp(child, sessions);
    try {
      const answers = async () => ((await gobgp.cli(['neighbor'], 3000).catch(() => undefined)) === undefined ? undefined : true);
      await pollUntil(`${name} API on port ${GOBGP_API_PORT}`, deadline, answers, { intervalMs: 200, abort: () => child.exitText() });
    } catch (err) {
      await child.stop();
      throw err;
    }
    return gobgp;
  }

  get pid(): number {
    return this.child.pid;
  }

  /** `Destination: N` of `gobgp global rib -a ipv4 summary`. */
  async ribDestinations(timeoutMs?: number): Promise<number> {
    const text = await this.cli(['global', 'rib', '-a', 'ipv4', 'summary'], timeoutMs);
    const m = /Destination:\s*(\d+)/.exec(text);
    if (!m) throw new Error(`${this.child.name}: cannot read the RIB summary: ${text.trim()}`);
    return Number(m[1]);
  }

  /** Prefixes received per neighbor address (each neighbor's Adj-RIB-In counter). */
  async receivedPerNeighbor(): Promise<Map<string, number>> {
    const list = JSON.parse(await this.cli(['neighbor', '-j'], 30000)) as NeighborJson[];
    return new Map(list.map((n) => [n.state?.neighbor_address ?? '?', n.afi_safis?.[0]?.state?.received ?? 0]));
  }

  async hasRoute(prefix: string): Promise<boolean> {
    return (await this.cli(['global', 'rib', '-a', 'ipv4', prefix])).includes(prefix);
  }

  async stop(): Promise<void> {
    await this.child.stop();
  }

  /** One `gobgp -p API ...` call, bounded in time; a non-zero exit rejects with its output. */
  cli(args: readonly string[], timeoutMs = 10000): Promise<string> {
    const full = ['-p', String(GOBGP_API_PORT), ...args];
    return new Promise((resolve, reject) => {
      execFile('gobgp', full, { timeout: Math.max(1, Math.floor(timeoutMs)), maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`gobgp ${full.join(' ')}: ${String(stderr || stdout || err.message).trim()}`));
        else resolve(String(stdout));
      });
    });
  }
}
