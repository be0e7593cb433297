/**
 * Getting the control socket's path ready before listening: a private parent directory, and
 * a leftover socket file from a daemon that died removed, but never one a live daemon still
 * answers on (two daemons on one path would leave `rxbgp cli` talking to the wrong one).
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** How long a connecting probe waits; a live daemon accepts at once. */
const PROBE_TIMEOUT_MS = 1000;

export type SocketProbe = 'answering' | 'stale' | 'absent';

/**
 * Creates the parent directory (mode 0700) when missing, removes a stale socket file, and
 * throws a clear Error when another process answers on `socketPath` or the path is not a socket.
 * With `privateDirectory` (the per-user directory of default sockets), the parent must also be
 * a directory of this user, and is made 0700 if it is not.
 */
export async function prepareSocketPath(socketPath: string, options: { privateDirectory?: boolean } = {}): Promise<void> {
  const dir = path.dirname(socketPath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (options.privateDirectory) makePrivate(dir);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(socketPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (!stat.isSocket()) throw new Error(`control socket ${socketPath} exists and is not a socket: refusing to replace it`);
  const state = await probeSocket(socketPath);
  if (state === 'answering') {
    throw new Error(`control socket ${socketPath}: another daemon is already answering there; stop it or configure another path`);
  }
  if (state === 'stale') removeSocketFile(socketPath);
}

/** Connects once: 'answering' when someone accepts, 'stale' when the file has no listener. */
export function probeSocket(socketPath: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<SocketProbe> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    const done = (outcome: SocketProbe | Error) => {
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    // A listener with a full backlog is alive but slow: treat silence as "answering".
    socket.setTimeout(timeoutMs, () => done('answering'));
    socket.once('connect', () => done('answering'));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') done('stale');
      else if (e.code === 'ENOENT') done('absent');
      else done(new Error(`control socket ${socketPath}: cannot check whether a daemon answers (${e.code ?? e.message})`));
    });
  });
}

/** Unlinks the socket file; a file already gone is fine. */
export function removeSocketFile(socketPath: string): void {
  try {
    fs.unlinkSync(socketPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/**
 * Another user's directory (made before ours, in /tmp) could let them swap our socket for theirs
 * and read what `rxbgp cli` sends: refuse it, and close a directory of ours that others can enter.
 */
export function makePrivate(dir: string, uid: number | undefined = process.getuid?.()): void {
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`control socket directory ${dir} is not a directory: remove it`);
  if (uid !== undefined && stat.uid !== uid) {
    throw new Error(`control socket directory ${dir} belongs to user ${stat.uid}, not to this user (${uid}): remove it, or set XDG_RUNTIME_DIR or "control.socket"`);
  }
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}
