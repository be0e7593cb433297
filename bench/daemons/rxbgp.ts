/**
 * rxbgp driven only through its CLI, as a user runs it: `node bin/rxbgp run <config.json>`, logs on
 * stderr, ExaBGP JSON events on stdout (one per line), SIGTERM to stop. Config keys: docs/configuration.md.
 */
import fs from 'fs';
import path from 'path';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import { TrackedChild } from './tracked-child';

/** The repository root, from dist/bench/daemons/ (compiled) or bench/daemons/ (sources). */
export const REPO_ROOT = findRepoRoot(__dirname);
export const RXBGP_BIN = path.join(REPO_ROOT, 'bin', 'rxbgp');

export interface RxbgpNeighborConfig {
  readonly routerId: string;
  readonly localAs: number;
  readonly localAddress: string;
  readonly peerAddress: string;
  readonly peerAs: number;
  readonly peerPort: number;
  /** Listen on localAddress:listenPort and wait for the peer, instead of connecting. */
  readonly listenPort?: number;
  /** Announce this run with one attribute set, the way an ExaBGP user would with a static route list. */
  readonly announce?: { readonly routes: Ipv4PrefixRun; readonly nextHop: string };
  /**
   * "stdout" when the case reads the JSON events; "none" when nobody consumes them; { file } to
   * have rxbgp append them to that file (`"events": { "output": "<path>" }`).
   */
  readonly events: 'stdout' | 'none' | { readonly file: string };
  /** Families to negotiate (default: IPv4 unicast only). */
  readonly families?: readonly string[];
  /** Routes loaded from MRT TABLE_DUMP_V2 files (the neighbor's `mrtRoutes`); without nextHop the file's own are sent. */
  readonly mrtRoutes?: ReadonlyArray<{ readonly file: string; readonly nextHop?: string }>;
  /** Route policy modules by name (the config's "policies"; docs/policies.md): absolute module paths. */
  readonly policies?: Readonly<Record<string, { readonly module: string; readonly options?: Record<string, unknown> }>>;
  /** The neighbor's import policies, by name, in the order they run. */
  readonly import?: readonly string[];
  /** The config's "sinks" (docs/configuration.md#sinks), as written there: { name, type, ...options of the type }. */
  readonly sinks?: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** One end of a bench session (a case slot's sender or receiver). */
export interface BenchSpeaker {
  readonly address: string;
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
}

/** The session fields of RxbgpNeighborConfig for rxbgp as `local`, its neighbor `peer`. */
export function rxbgpSession(
  local: BenchSpeaker,
  peer: BenchSpeaker,
): Pick<RxbgpNeighborConfig, 'routerId' | 'localAs' | 'localAddress' | 'peerAddress' | 'peerAs' | 'peerPort'> {
  return {
    routerId: local.routerId,
    localAs: local.asn,
    localAddress: local.address,
    peerAddress: peer.address,
    peerAs: peer.asn,
    peerPort: peer.port,
  };
}

/** The JSON config (docs/configuration.md) for one neighbor. */
export function rxbgpConfig(c: RxbgpNeighborConfig): object {
  const neighbor: Record<string, unknown> = {
    description: 'bench',
    peerAddress: c.peerAddress,
    peerPort: c.peerPort,
    localAddress: c.localAddress,
    localAs: c.localAs,
    peerAs: c.peerAs,
    routerId: c.routerId,
    holdTime: 90,
    connectRetry: 1,
    passive: c.listenPort !== undefined,
    families: c.families ?? ['ipv4 unicast'],
  };
  if (c.mrtRoutes) neighbor.mrtRoutes = c.mrtRoutes.map((m) => ({ ...m }));
  if (c.import) neighbor.import = [...c.import];
  if (c.announce) {
    const r = c.announce.routes;
    neighbor.routeSets = [
      {
        prefixes: { from: r.text(0), count: r.count },
        nextHop: c.announce.nextHop,
        origin: 'igp',
        // The same path BIRD and GoBGP send: their own AS only.
        asPath: [c.localAs],
      },
    ];
  }
  return {
    listen: c.listenPort !== undefined ? [{ address: c.localAddress, port: c.listenPort }] : [],
    log: { level: 'info' },
    events: { output: typeof c.events === 'string' ? c.events : c.events.file, format: 'json' },
    ...(c.policies ? { policies: c.policies } : {}),
    ...(c.sinks ? { sinks: c.sinks.map((sink) => ({ ...sink })) } : {}),
    neighbors: [neighbor],
  };
}

/** Writes the config into `dir` and starts rxbgp (node with `nodeOptions` first); stdout lines go to `onEventLine`. */
export function startRxbgp(
  name: string,
  dir: string,
  c: RxbgpNeighborConfig,
  nodeOptions: readonly string[],
  onEventLine?: (line: string) => void,
): TrackedChild {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(rxbgpConfig(c), null, 2));
  return new TrackedChild({
    name,
    command: process.execPath,
    args: [...nodeOptions, RXBGP_BIN, 'run', file],
    cwd: REPO_ROOT,
    onStdoutLine: onEventLine,
  });
}

/** True when `npm run build` has produced the CLI that bin/rxbgp loads. */
export function rxbgpBuilt(): boolean {
  return fs.existsSync(path.join(REPO_ROOT, 'dist', 'lib', 'cli', 'main.js'));
}

function findRepoRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bin', 'rxbgp'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`bench: cannot find the repository root above ${start}`);
}
