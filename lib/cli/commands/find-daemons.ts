/**
 * The daemons `rxbgp cli` can talk to without --socket or --config: every daemon puts its default
 * control socket in one per-user directory (lib/config/control-socket-path.ts), so listing that
 * directory and asking each socket which config it serves finds them all. A socket nobody listens
 * on any more (its daemon was killed) is removed on the way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ControlSocketError, sendCommand } from '../../api/control/send-command';
import { removeSocketFile } from '../../api/control/socket-file';

/** The daemon's own command that names its config (lib/cli/run.ts answers it with showDaemonLines). */
export const SHOW_DAEMON = 'show daemon';

/** The answer to `show daemon`: one `<name> <value>` line each. */
export function showDaemonLines(d: { config: string; socket: string; pid: number; version: string }): string[] {
  return [`config ${d.config}`, `socket ${d.socket}`, `pid ${d.pid}`, `version ${d.version}`];
}

export interface FoundDaemon {
  readonly socket: string;
  /** The config file it runs on, as it answered `show daemon`; absent when it did not say. */
  readonly config?: string;
  readonly pid?: string;
}

export interface Discovery {
  readonly daemons: FoundDaemon[];
  /** Sockets removed because nothing listened on them. */
  readonly removed: string[];
}

export async function findDaemons(dir: string, timeoutMs: number): Promise<Discovery> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { daemons: [], removed: [] };
    throw e;
  }
  const sockets = entries.filter((e) => e.isSocket()).map((e) => path.join(dir, e.name));
  const found = await Promise.all(sockets.map((s) => ask(s, timeoutMs)));
  const daemons: FoundDaemon[] = [];
  const removed: string[] = [];
  found.forEach((f, i) => {
    if (f === 'stale') removed.push(sockets[i]);
    else if (f !== 'gone') daemons.push(f);
  });
  for (const s of removed) removeSocketFile(s);
  return { daemons: daemons.sort((a, b) => a.socket.localeCompare(b.socket)), removed };
}

/** Asks one socket `show daemon`: who answers, 'stale' when the connection is refused, 'gone' when the file went away. */
async function ask(socket: string, timeoutMs: number): Promise<FoundDaemon | 'stale' | 'gone'> {
  try {
    const answer = await sendCommand(socket, SHOW_DAEMON, timeoutMs);
    if (!answer.ok) return { socket };
    const field = (name: string) => answer.lines.find((l) => l.startsWith(`${name} `))?.slice(name.length + 1);
    const config = field('config');
    const pid = field('pid');
    return { socket, ...(config !== undefined ? { config } : {}), ...(pid !== undefined ? { pid } : {}) };
  } catch (e) {
    if (!(e instanceof ControlSocketError)) throw e;
    if (e.code === 'ECONNREFUSED') return 'stale';
    if (e.code === 'ENOENT') return 'gone';
    // Alive but slow, or not ours to talk to: still a daemon the user should know of.
    return { socket };
  }
}
