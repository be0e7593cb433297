/**
 * One gobgpd process for a case: its TOML written, started in the foreground with its own API port,
 * watched for "Peer Up" / "Peer Down" on its JSON log, queried and loaded with the `gobgp` CLI.
 * See /work/shared/PEERS.md: its own --api-hosts port, --pprof-disable, next hops outside 127/8.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { pollUntil, type Deadline } from '../measure/deadline';
import { SessionWatch } from '../measure/session-watch';
import { TrackedChild } from './tracked-child';

export interface GobgpConfig {
  readonly routerId: string;
  readonly asn: number;
  readonly address: string;
  readonly port: number;
  readonly apiPort: number;
  /** gobgpd only waits for the neighbor to connect (passive-mode): it waits 4–9 s before connecting out. */
  readonly neighbor: { readonly address: string; readonly asn: number };
}

export function gobgpToml(c: GobgpConfig): string {
  return `[global.config]
  as = ${c.asn}
  router-id = "${c.routerId}"
  port = ${c.port}
  local-address-list = ["${c.address}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${c.neighbor.address}"
    peer-as = ${c.neighbor.asn}
  [neighbors.transport.config]
    local-address = "${c.address}"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
`;
}

/** The fields of `gobgp neighbor ADDR -j` the benchmark reads. */
interface NeighborJson {
  readonly state?: { readonly session_state?: number };
  readonly afi_safis?: ReadonlyArray<{ readonly state?: { readonly received?: number; readonly accepted?: number } }>;
}

interface LogEntry {
  readonly msg?: string;
  readonly Key?: string;
  readonly Reason?: string;
}

export class GobgpDaemon {
  readonly session = new SessionWatch();

  private constructor(
    readonly child: TrackedChild,
    private readonly config: GobgpConfig,
  ) {}

  static async start(name: string, dir: string, config: GobgpConfig, deadline: Deadline): Promise<GobgpDaemon> {
    const tomlFile = path.join(dir, `${name}.toml`);
    fs.writeFileSync(tomlFile, gobgpToml(config));
    let daemon: GobgpDaemon | undefined;
    const onLine = (line: string) => {
      if (!daemon || !line.startsWith('{') || !line.includes('"Peer ')) return;
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        return; // not one of its JSON log lines
      }
      if (entry.Key !== config.neighbor.address) return;
      if (entry.msg === 'Peer Up') daemon.session.markUp();
      if (entry.msg === 'Peer Down') daemon.session.markDown(`gobgpd: Peer Down ${entry.Reason ?? ''}`.trim());
    };
    const child = new TrackedChild({
      name,
      command: 'gobgpd',
      args: ['-f', tomlFile, '--api-hosts', `127.0.0.1:${config.apiPort}`, '--pprof-disable'],
      onStdoutLine: onLine,
      onStderrLine: onLine,
    });
    daemon = new GobgpDaemon(child, config);
    try {
      const answers = async () => ((await daemon.cli(['neighbor'], 3000).catch(() => undefined)) === undefined ? undefined : true);
      await pollUntil(`${name} API on port ${config.apiPort}`, deadline, answers, { intervalMs: 200, abort: () => child.exitText() });
    } catch (err) {
      await child.stop();
      throw err;
    }
    return daemon;
  }

  get pid(): number {
    return this.child.pid;
  }

  /** Prefixes received from the neighbor (the Adj-RIB-In counter in `gobgp neighbor ADDR -j`). */
  async receivedFromNeighbor(): Promise<number> {
    const json = JSON.parse(await this.cli(['neighbor', this.config.neighbor.address, '-j'])) as NeighborJson;
    return json.afi_safis?.[0]?.state?.received ?? 0;
  }

  /** `Destination: N` of `gobgp global rib -a ipv4 summary`. */
  async ribDestinations(): Promise<number> {
    const text = await this.cli(['global', 'rib', '-a', 'ipv4', 'summary']);
    const m = /Destination:\s*(\d+)/.exec(text);
    if (!m) throw new Error(`${this.child.name}: cannot read the RIB summary: ${text.trim()}`);
    return Number(m[1]);
  }

  async hasRoute(prefix: string): Promise<boolean> {
    const text = await this.cli(['global', 'rib', '-a', 'ipv4', prefix]);
    return text.includes(prefix);
  }

  /** `gobgp mrt inject global FILE [count skip]` into the global RIB. */
  async injectMrt(file: string, timeoutMs: number, range?: { readonly count: number; readonly skip: number }): Promise<void> {
    const extra = range ? [String(range.count), String(range.skip)] : [];
    await this.cli(['mrt', 'inject', 'global', file, ...extra], timeoutMs);
  }

  async stop(): Promise<void> {
    await this.child.stop();
  }

  /** One `gobgp -p API ...` call, bounded in time; a non-zero exit rejects with its output. */
  cli(args: readonly string[], timeoutMs = 10000): Promise<string> {
    const full = ['-p', String(this.config.apiPort), ...args];
    return new Promise((resolve, reject) => {
      execFile('gobgp', full, { timeout: Math.max(1, Math.floor(timeoutMs)), maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`gobgp ${full.join(' ')}: ${String(stderr || stdout || err.message).trim()}`));
        else resolve(String(stdout));
      });
    });
  }
}
