/**
 * Debian's ExaBGP 4.2 as the bench runs it: in the foreground, its settings from the environment
 * (PEERS.md; `env` sets them and execs exabgp, so the PID spawned is ExaBGP's), with one helper
 * process and one neighbor in its config. The ExaBGP cases (api-exabgp, flow-api's ExaBGP sender,
 * bird-exabgp) differ only in the neighbor's role and API block.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { BenchSpeaker } from './rxbgp';
import { TrackedChild } from './tracked-child';

/** ExaBGP's settings for a foreground run bound to `bind` (PEERS.md); acks on, as by default. */
export function exabgpEnvironment(bind: BenchSpeaker): Record<string, string> {
  return {
    'exabgp.tcp.bind': bind.address,
    'exabgp.tcp.port': String(bind.port),
    'exabgp.daemon.user': 'root',
    'exabgp.daemon.drop': 'false',
    'exabgp.daemon.daemonize': 'false',
    'exabgp.api.cli': 'false',
    'exabgp.api.ack': 'true',
    'exabgp.log.destination': 'stdout',
  };
}

export interface ExabgpConfig {
  /** The helper's name in the `process` block and `api { processes [...] }`. */
  readonly processName: string;
  /** Program and arguments of the helper. */
  readonly helper: readonly string[];
  /** ExaBGP's own side. */
  readonly local: BenchSpeaker;
  readonly peer: BenchSpeaker;
  /** `connect <peer port>` (ExaBGP connects) or `passive true` (it listens). */
  readonly connect: boolean;
  readonly families: readonly string[];
  /** What the API block asks for besides the process: `neighbor-changes;`, `receive { ... }`. */
  readonly api: string;
}

/** ExaBGP 4.2's config: the helper as a process (no respawn), one neighbor. */
export function exabgpConfig(c: ExabgpConfig): string {
  for (const word of c.helper) {
    // ExaBGP's tokenizer splits `run` at spaces and commas and ends it at ';': a word holding one would change the command.
    if (/[\s;,{}]/.test(word)) throw new Error(`exabgp config: helper argument ${JSON.stringify(word)} cannot be written in a run line`);
  }
  return `process ${c.processName} {
  run ${c.helper.join(' ')};
  encoder json;
  respawn false;
}
neighbor ${c.peer.address} {
  router-id ${c.local.routerId};
  local-address ${c.local.address};
  local-as ${c.local.asn};
  peer-as ${c.peer.asn};
  ${c.connect ? `connect ${c.peer.port}` : 'passive true'};
  family { ${c.families.map((f) => `${f}; `).join('')}}
  api { processes [ ${c.processName} ]; ${c.api} }
}
`;
}

/**
 * Writes `config` to dir/<name>.conf and starts ExaBGP on it, bound to `bind`. ExaBGP logs on
 * stdout; its helpers' stderr is ExaBGP's (onStderrLine).
 */
export function startExabgp(o: {
  readonly name: string;
  readonly dir: string;
  readonly config: string;
  readonly bind: BenchSpeaker;
  readonly onStderrLine?: (line: string) => void;
}): TrackedChild {
  const file = path.join(o.dir, `${o.name}.conf`);
  fs.writeFileSync(file, o.config);
  // TrackedChild passes no environment of its own: `env` sets ExaBGP's settings for this process only.
  const settings = Object.entries(exabgpEnvironment(o.bind)).map(([k, v]) => `${k}=${v}`);
  return new TrackedChild({ name: o.name, command: 'env', args: [...settings, 'exabgp', '--env', '/dev/null', file], cwd: o.dir, onStderrLine: o.onStderrLine });
}

/** "ExaBGP 4.2.21, Python 3.11.2" from `exabgp --version`. */
export function exabgpVersion(): string | undefined {
  const r = spawnSync('exabgp', ['--version'], { encoding: 'utf8', timeout: 10000 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const exa = /ExaBGP\s*:\s*(\S+)/.exec(text)?.[1];
  const py = /Python\s*:\s*(\S+)/.exec(text)?.[1];
  return exa ? `ExaBGP ${exa}${py ? `, Python ${py}` : ''}` : undefined;
}
