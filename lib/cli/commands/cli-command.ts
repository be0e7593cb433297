/**
 * `rxbgp cli [--socket PATH] <command...>`: sends one text command to a running daemon over
 * its control socket and prints the answer. Exit status: 0 for `done`, 1 for `error`, 2 when
 * no daemon answers.
 */
import { defaultControlSocketPath } from '../../config/control-socket-path';
import { ControlSocketError, sendCommand } from '../../api/control/send-command';

export interface CliCommandOptions {
  /** The control socket; defaultControlSocketPath() when unset. */
  readonly socket?: string;
  /** Milliseconds of silence before giving up. */
  readonly timeout?: number;
}

export const EXIT_DONE = 0;
export const EXIT_ERROR = 1;
export const EXIT_NO_DAEMON = 2;

export interface Output {
  write(text: string): unknown;
}

/** Runs the command and returns the exit status; answer lines go to `out`, problems to `err`. */
export async function runCliCommand(words: readonly string[], options: CliCommandOptions, out: Output, err: Output): Promise<number> {
  const line = words.join(' ').trim();
  if (line === '') {
    err.write('rxbgp cli: no command given (try: rxbgp cli help)\n');
    return EXIT_ERROR;
  }
  const explicit = options.socket !== undefined;
  const path = options.socket ?? defaultControlSocketPath();
  try {
    const answer = await sendCommand(path, line, options.timeout);
    if (answer.lines.length > 0) out.write(answer.lines.join('\n') + '\n');
    return answer.ok ? EXIT_DONE : EXIT_ERROR;
  } catch (e) {
    if (!(e instanceof ControlSocketError)) {
      err.write(`rxbgp cli: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_ERROR;
    }
    err.write(`rxbgp cli: ${noDaemonMessage(e, explicit)}\n`);
    return EXIT_NO_DAEMON;
  }
}

function noDaemonMessage(e: ControlSocketError, explicit: boolean): string {
  const why: Record<string, string> = {
    ENOENT: 'no such socket',
    ECONNREFUSED: 'nothing listens there (a stale socket?)',
    EACCES: 'permission denied (the socket belongs to another user?)',
    ETIMEDOUT: 'the daemon did not answer in time',
    ECLOSED: 'the daemon closed the connection before answering',
  };
  const reason = why[e.code] ?? e.message;
  const where = explicit
    ? 'check the path given with --socket'
    : 'that is the default ($XDG_RUNTIME_DIR/rxbgp.sock, else /tmp/rxbgp-<uid>.sock); give the daemon\'s control socket with --socket PATH';
  return `no rxbgp daemon answers on ${e.path}: ${reason}; ${where}`;
}
