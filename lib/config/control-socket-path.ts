/**
 * Where the control socket lives when the config does not say: the daemon listens there and
 * `rxbgp cli` connects there, so both must compute the same path from the same environment.
 */
import { join } from 'path';

/**
 * Linux's sockaddr_un.sun_path holds 108 bytes including the terminating NUL (unix(7)); a longer
 * path cannot be bound, so the config refuses it instead of the daemon failing at start.
 */
export const MAX_CONTROL_SOCKET_PATH_BYTES = 107;

/** `$XDG_RUNTIME_DIR/rxbgp.sock` (a private per-user directory) when set, else `/tmp/rxbgp-<uid>.sock`. */
export function defaultControlSocketPath(env: NodeJS.ProcessEnv = process.env, uid: number = process.getuid?.() ?? 0): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime ? join(runtime, 'rxbgp.sock') : `/tmp/rxbgp-${uid}.sock`;
}
