/** The `rxbgp` command: run, validate, decode. */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig, formatErrors, summarizeConfig } from '../config';
import { decodeHexMessage } from '../wire/message';
import { messageJson, defaultEnvelopeSource, DECODE_NEIGHBOR } from '../api/exabgp-json';
import { DEFAULT_CONTEXT } from '../wire/types';
import { runDaemon } from './run';
import type { LogLevel } from '../config/types';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'];

/** The version in package.json, found from lib/ (tests) or dist/lib/ (built). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export function main(argv: string[]): void {
  const program = new Command();
  program
    .name('rxbgp')
    .description('A BGP speaker built as an RxJS pipeline (ExaBGP-compatible JSON events).')
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError();

  program
    .command('run')
    .description('run the daemon on a JSON config (logs to stderr, JSON events to stdout)')
    .argument('<config>', 'path of the JSON config')
    .option('--log-level <level>', `override the config's log level (${LOG_LEVELS.join(', ')})`, (v: string) => {
      if (!LOG_LEVELS.includes(v)) throw new InvalidArgumentError(`expected one of ${LOG_LEVELS.join(', ')}`);
      return v;
    })
    .action(async (file: string, opts: { logLevel?: LogLevel }) => {
      process.exitCode = await runDaemon(file, opts);
      process.exit();
    });

  program
    .command('validate')
    .description('check a config: exit 0 with a summary, or 1 with each error and where it is')
    .argument('<config>', 'path of the JSON config')
    .action((file: string) => {
      const r = loadConfig(file);
      if (r._tag === 'Left') {
        process.stderr.write(formatErrors(r.left, file) + '\n');
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${file}: ok: ${summarizeConfig(r.right)}\n`);
    });

  program
    .command('decode')
    .description('decode one BGP message given as hex (with or without the 16-byte marker) to ExaBGP JSON')
    .argument('<hex...>', 'the message bytes in hex (spaces and colons allowed)')
    .option('--asn2', 'decode as a 2-octet AS session (no 4-octet AS capability)')
    .action((parts: string[], opts: { asn2?: boolean }) => {
      try {
        const ctx = { ...DEFAULT_CONTEXT, asn4: !opts.asn2 };
        const msg = decodeHexMessage(parts.join(''), ctx);
        // The same neighbor and direction `exabgp --decode` prints, so the two outputs compare.
        process.stdout.write(messageJson(defaultEnvelopeSource(), DECODE_NEIGHBOR, msg, 'in', ctx) + '\n');
      } catch (e) {
        const err = e as { code?: number; subcode?: number; message?: string };
        const what = err.code !== undefined && err.subcode !== undefined ? ` (NOTIFICATION ${err.code}/${err.subcode})` : '';
        process.stderr.write(`rxbgp decode: ${err.message ?? String(e)}${what}\n`);
        process.exitCode = 1;
      }
    });

  program.parseAsync(['node', 'rxbgp', ...argv]).catch((e: unknown) => {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`rxbgp: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
