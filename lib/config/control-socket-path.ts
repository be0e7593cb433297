/**
 * Where the control socket lives when the config does not say: the daemon listens there and
 * `rxbgp cli` connects there, so both must compute the same path from the same environment.
 *
 * Each config file has its own socket, in one private directory per user, so two daemons on
 * two configs never share one, and `rxbgp cli` finds the daemons by listing that directory.
 */
import { createHash } from 'crypto';
import { readFileSync, realpathSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';

/**
 * Linux's sockaddr_un.sun_path holds 108 bytes including the terminating NUL (unix(7)); a longer
 * path cannot be bound, so the config refuses it instead of the daemon failing at start.
 */
export const MAX_CONTROL_SOCKET_PATH_BYTES = 107;

/** Hex digits of the config path's hash in a socket name: enough that one user's configs never meet. */
const HASH_CHARS = 8;
const SUFFIX = '.sock';

/**
 * The per-user directory of default control sockets (mode 0700): `$XDG_RUNTIME_DIR/rxbgp` (a
 * private per-user directory already) when set, else `/tmp/rxbgp-<uid>`.
 */
export function controlSocketDir(env: NodeJS.ProcessEnv = process.env, uid: number = process.getuid?.() ?? 0): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime ? join(runtime, 'rxbgp') : `/tmp/rxbgp-${uid}`;
}

/**
 * The default control socket of the daemon run on `configFile`: `<dir>/<name>-<hash>.sock`, the
 * config's base name (readable in listings) and a hash of its real absolute path (unique), the
 * name shortened to fit sun_path. Without a file (a config given as an object), `<dir>/rxbgp.sock`.
 */
export function defaultControlSocketPath(configFile?: string, env: NodeJS.ProcessEnv = process.env, uid: number = process.getuid?.() ?? 0): string {
  const dir = controlSocketDir(env, uid);
  if (configFile === undefined) return join(dir, 'rxbgp.sock');
  const full = canonicalPath(configFile);
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_CHARS);
  // Only characters that need no quoting in a shell, so the path can be pasted after --socket.
  const readable = basename(full).replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'config';
  const room = MAX_CONTROL_SOCKET_PATH_BYTES - Buffer.byteLength(dir) - 1 - 1 - HASH_CHARS - SUFFIX.length;
  return join(dir, `${readable.slice(0, Math.max(room, 1))}-${hash}${SUFFIX}`);
}

/** The file's real absolute path (symbolic links followed, so one file has one socket); as given, made absolute, when it cannot be resolved. */
function canonicalPath(file: string): string {
  const absolute = resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * The control socket of the daemon run on `configFile`, as `rxbgp cli --config` finds it: the
 * file's "control.socket" when it sets one (relative to the file's directory), else the file's
 * default socket. The file is read, not checked: a config being edited, with errors a reload is
 * about to report, still leads to its daemon. Undefined when the file turns the socket off.
 */
export function controlSocketOfConfig(configFile: string, env: NodeJS.ProcessEnv = process.env, uid: number = process.getuid?.() ?? 0): string | undefined {
  let control: { socket?: unknown; enabled?: unknown } | undefined;
  try {
    const json: unknown = JSON.parse(readFileSync(configFile, 'utf8').replace(/^\uFEFF/, ''));
    const c = typeof json === 'object' && json !== null ? (json as { control?: unknown }).control : undefined;
    if (typeof c === 'object' && c !== null) control = c;
  } catch {
    // Unreadable or not JSON: the default socket is still the one a daemon on this path has.
  }
  if (control?.enabled === false) return undefined;
  if (typeof control?.socket === 'string' && control.socket !== '') return resolve(dirname(resolve(configFile)), control.socket);
  return defaultControlSocketPath(configFile, env, uid);
}
