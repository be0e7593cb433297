/**
 * `rxbgp cli [--socket PATH | --config FILE] <command...>`: sends one text command to a running
 * daemon over its control socket and prints the answer. Exit status: 0 for `done`, 1 for
 * `error`, 2 when no daemon answers (or several run and none was chosen).
 *
 * Which daemon: --socket names its socket; --config names its config file (whose "control.socket",
 * else its default socket, is the one); with neither, the one daemon found in the per-user
 * directory of default sockets.
 */
import { controlSocketDir, controlSocketOfConfig } from '../../config/control-socket-path';
import { ControlSocketError, sendCommand } from '../../api/control/send-command';
import { findDaemons, type FoundDaemon } from './find-daemons';

export interface CliCommandOptions {
  /** The control socket. */
  readonly socket?: string;
  /** The config file of the daemon (when no socket is given). */
  readonly config?: string;
  /** Milliseconds of silence before giving up (10 s; 120 s for reload). */
  readonly timeout?: number;
}

export const EXIT_DONE = 0;
export const EXIT_ERROR = 1;
export const EXIT_NO_DAEMON = 2;

const DEFAULT_TIMEOUT_MS = 10000;
/** `reload` answers once the new config is applied, which reading large MRT dumps makes long. */
const RELOAD_TIMEOUT_MS = 120000;

export interface Output {
  write(text: string): unknown;
}

/** The socket to use and, when it fails, what to tell the user about where it came from. */
interface Target {
  readonly path: string;
  readonly hint: string;
}

/** Runs the command and returns the exit status; answer lines go to `out`, problems to `err`. */
export async function runCliCommand(words: readonly string[], options: CliCommandOptions, out: Output, err: Output): Promise<number> {
  const line = words.join(' ').trim();
  if (line === '') {
    err.write('rxbgp cli: no command given (try: rxbgp cli help)\n');
    return EXIT_ERROR;
  }
  const target = await chooseTarget(options, options.timeout ?? DEFAULT_TIMEOUT_MS, err);
  if (typeof target === 'number') return target;
  try {
    const answer = await sendCommand(target.path, line, options.timeout ?? (line === 'reload' ? RELOAD_TIMEOUT_MS : DEFAULT_TIMEOUT_MS));
    if (answer.lines.length > 0) out.write(answer.lines.join('\n') + '\n');
    return answer.ok ? EXIT_DONE : EXIT_ERROR;
  } catch (e) {
    if (!(e instanceof ControlSocketError)) {
      err.write(`rxbgp cli: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_ERROR;
    }
    err.write(`rxbgp cli: no rxbgp daemon answers on ${e.path}: ${reason(e)}; ${target.hint}\n`);
    return EXIT_NO_DAEMON;
  }
}

/** The socket given, the one of the config given, or the one daemon running; else an exit status (the reason written). */
async function chooseTarget(options: CliCommandOptions, timeout: number, err: Output): Promise<Target | number> {
  if (options.socket !== undefined) return { path: options.socket, hint: 'check the path given with --socket' };
  if (options.config !== undefined) {
    const path = controlSocketOfConfig(options.config);
    if (path === undefined) {
      err.write(`rxbgp cli: ${options.config} turns the control socket off ("control": { "enabled": false }): its daemon cannot be reached\n`);
      return EXIT_NO_DAEMON;
    }
    return { path, hint: `that is the control socket of ${options.config}: is a daemon running on it (rxbgp run ${options.config})?` };
  }
  const dir = controlSocketDir();
  const { daemons, removed } = await findDaemons(dir, timeout);
  if (daemons.length === 1) return { path: daemons[0].socket, hint: `it was the only control socket in ${dir}` };
  if (daemons.length === 0) {
    const cleaned = removed.length ? ` (removed ${removed.length} stale socket(s) of daemons that are gone)` : '';
    err.write(
      `rxbgp cli: no rxbgp daemon found: no control socket answers in ${dir}, where daemons put their default one${cleaned}; ` +
        'for a daemon whose config sets "control.socket", give --socket PATH or --config FILE\n',
    );
    return EXIT_NO_DAEMON;
  }
  err.write(`rxbgp cli: ${daemons.length} rxbgp daemons are running; choose one with --config FILE or --socket PATH:\n${daemons.map(describe).join('\n')}\n`);
  return EXIT_NO_DAEMON;
}

function describe(d: FoundDaemon): string {
  const serves = d.config !== undefined ? `config ${d.config}` : 'config unknown (it did not say)';
  return `  --socket ${d.socket}   ${serves}${d.pid !== undefined ? `, pid ${d.pid}` : ''}`;
}

function reason(e: ControlSocketError): string {
  const why: Record<string, string> = {
    ENOENT: 'no such socket',
    ECONNREFUSED: 'nothing listens there (a stale socket?)',
    EACCES: 'permission denied (the socket belongs to another user?)',
    ETIMEDOUT: 'the daemon did not answer in time',
    ECLOSED: 'the daemon closed the connection before answering',
  };
  return why[e.code] ?? e.message;
}
