/**
 * What the bench's in-process consumers (ingest-counter.ts, sink-ingest-counter.ts,
 * table-counter.ts: rxbgp used as a library in a process of its own) share: the config loaded as
 * the daemon loads it, a log that writes only warnings and errors (on stderr, so stdout carries
 * only the consumer's lines for the bench), the line writer, and the process's start and failure.
 */
import { formatErrors, loadConfig } from '../../lib';
import { silentLog, type Log } from '../../lib/session/log';

export type LoadedConfig = Extract<ReturnType<typeof loadConfig>, { _tag: 'Right' }>['right'];

/** The config in `file`, or an Error with the config's own error text. */
export function loadConsumerConfig(file: string): LoadedConfig {
  const loaded = loadConfig(file);
  if (loaded._tag === 'Left') throw new Error(formatErrors(loaded.left, file));
  return loaded.right;
}

export const consumerLog: Log = { ...silentLog, error: (m) => process.stderr.write(`error ${m}\n`), warn: (m) => process.stderr.write(`warn ${m}\n`) };

/** One line on stdout, read by the bench as it comes. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A daemon or speaker that fails to start ends the process: `error <why>` on stderr, exit 1. */
export function exitIfStartFails(started: Promise<unknown>): void {
  started.catch((e: unknown) => {
    process.stderr.write(`error ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

/** Runs `main` with the process's arguments; a usage or config error is `<name>: <why>` on stderr, exit 2. */
export function runConsumer(name: string, main: (argv: readonly string[]) => void): void {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
