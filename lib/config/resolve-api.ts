/**
 * Defaults and cross-key rules for the process API: top-level "processes" and "control", and
 * each neighbor's "api". Called by resolve-config.ts, which owns the error list.
 */
import { isAbsolute, resolve } from 'path';
import { joinIndex, joinKey } from './config-error';
import { defaultControlSocketPath, MAX_CONTROL_SOCKET_PATH_BYTES } from './control-socket-path';
import { nearestKey } from '../wire/nearest-key';
import type { ApiFile, ControlFile, ProcessFile } from './file-codec';
import type { ApiConfig, ApiMessageKind, ControlConfig, ProcessConfig } from './types';

type Report = (path: string, message: string) => void;

/** ExaBGP's defaults: a helper is restarted when it exits, and speaks JSON. */
export const API_DEFAULTS = {
  encoder: 'json',
  respawn: true,
  neighborChanges: false,
  packets: false,
  parsed: true,
  consolidate: false,
  controlEnabled: true,
} as const;

/**
 * A relative program path with a "/" ("./helpers/announce.py", "bin/x") means a file next to
 * the config, as in ExaBGP; a bare name ("python3") is looked up in PATH, so it is kept.
 */
function programPath(program: string, baseDir: string | undefined): string {
  return baseDir !== undefined && program.includes('/') && !isAbsolute(program) ? resolve(baseDir, program) : program;
}

const againstBase = (p: string, baseDir: string | undefined): string => (baseDir !== undefined ? resolve(baseDir, p) : p);

export function resolveProcesses(processes: Record<string, ProcessFile> | undefined, baseDir: string | undefined): ProcessConfig[] {
  return Object.entries(processes ?? {}).map(([name, p]) => {
    const out: ProcessConfig = {
      name,
      run: [programPath(p.run[0], baseDir), ...p.run.slice(1)],
      encoder: p.encoder ?? API_DEFAULTS.encoder,
      respawn: p.respawn ?? API_DEFAULTS.respawn,
    };
    // Without a cwd a helper runs in the config file's directory, so relative arguments ("helpers/x.py") mean the same as run[0].
    const cwd = p.cwd !== undefined ? againstBase(p.cwd, baseDir) : baseDir;
    if (cwd !== undefined) out.cwd = cwd;
    return out;
  });
}

/** The control socket: the configured path, else the default one of this config file (see control-socket-path.ts). */
export function resolveControl(control: ControlFile | undefined, baseDir: string | undefined, report: Report, configFile?: string): ControlConfig {
  const socket = control?.socket !== undefined ? againstBase(control.socket, baseDir) : defaultControlSocketPath(configFile);
  const enabled = control?.enabled ?? API_DEFAULTS.controlEnabled;
  const bytes = Buffer.byteLength(socket);
  if (enabled && bytes > MAX_CONTROL_SOCKET_PATH_BYTES) {
    const which = control?.socket !== undefined ? 'this path' : `the default path ${socket}`;
    report(
      joinKey('control', 'socket'),
      `${which} is ${bytes} bytes long, and a Unix socket path holds at most ${MAX_CONTROL_SOCKET_PATH_BYTES}: choose a shorter one`,
    );
  }
  return { socket, enabled };
}

/** Reports every repeated entry of a list, at the repeat. */
function unique<A>(items: readonly A[], path: string, what: string, report: Report): void {
  const seen = new Map<A, number>();
  items.forEach((item, i) => {
    const first = seen.get(item);
    if (first === undefined) seen.set(item, i);
    else report(joinIndex(path, i), `duplicate ${what} "${String(item)}" (also at [${first}])`);
  });
}

/**
 * A neighbor's api with defaults applied (also when the neighbor has none). neighborChanges and
 * receive "state" are the same switch (ExaBGP's neighbor-changes), so either turns on both.
 */
export function resolveApi(api: ApiFile | undefined, path: string, processNames: readonly string[], report: Report): ApiConfig {
  const processes = api?.processes ?? [];
  const processesPath = joinKey(path, 'processes');
  processes.forEach((name, i) => {
    if (processNames.includes(name)) return;
    const known =
      processNames.length === 0
        ? 'no processes are defined: add it to the top-level "processes"'
        : `known processes: ${processNames.join(', ')}`;
    const near = nearestKey(name, processNames);
    report(joinIndex(processesPath, i), `unknown process "${name}"${near ? ` (did you mean "${near}"?)` : ''}; ${known}`);
  });
  unique(processes, processesPath, 'process', report);

  const receive: ApiMessageKind[] = [...(api?.receive ?? [])];
  const send: ApiMessageKind[] = [...(api?.send ?? [])];
  unique(receive, joinKey(path, 'receive'), 'kind', report);
  unique(send, joinKey(path, 'send'), 'kind', report);
  const neighborChanges = (api?.neighborChanges ?? API_DEFAULTS.neighborChanges) || receive.includes('state');
  if (neighborChanges && !receive.includes('state')) receive.push('state');

  return {
    processes: [...processes],
    neighborChanges,
    receive,
    send,
    packets: api?.packets ?? API_DEFAULTS.packets,
    parsed: api?.parsed ?? API_DEFAULTS.parsed,
    consolidate: api?.consolidate ?? API_DEFAULTS.consolidate,
  };
}
