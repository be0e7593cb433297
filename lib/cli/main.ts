/** The `rxbgp` command: run, validate, decode, cli, encode. */
import { PolicyModules } from '../daemon/policy-modules';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig, formatErrors, summarizeConfig } from '../config';
import { decodeHexMessage } from '../wire/message';
import { messageJson, defaultEnvelopeSource, DECODE_NEIGHBOR } from '../api/exabgp-json';
import { familyContext } from '../families/family-context';
import { DEFAULT_CONTEXT } from '../wire/types';
import { runDaemon } from './run';
import { runCliCommand } from './commands/cli-command';
import { cliHelpText } from './commands/cli-help';
import { addPathFamilies } from './commands/decode-options';
import { runEncodeCommand } from './commands/encode-command';
import { packageVersion } from './package-version';
import type { LogLevel } from '../config/types';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'];

/** Commander parser for options that take a count of milliseconds or items. */
function positiveInteger(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Commander parser for AS numbers (RFC 6793: 0 to 4294967295). */
function asNumber(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 0xffffffff) throw new InvalidArgumentError('expected an AS number from 0 to 4294967295');
  return n;
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
    .description('check a config (and load its policy modules): exit 0 with a summary, or 1 with each error and where it is')
    .argument('<config>', 'path of the JSON config')
    .action((file: string) => {
      const r = loadConfig(file);
      if (r._tag === 'Left') {
        process.stderr.write(formatErrors(r.left, file) + '\n');
        process.exitCode = 1;
        return;
      }
      // Policy modules are loaded too (running their top-level code): a module that does not load is a config error.
      try {
        new PolicyModules().load(r.right.policies);
      } catch (e) {
        process.stderr.write(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
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
    .option('--add-path', 'decode as a session with ADD-PATH receive (RFC 7911) on every family: NLRI carry 4-octet path identifiers')
    .option(
      '--add-path-family <family>',
      'ADD-PATH receive on this family only ("ipv4 unicast"; repeat it, or separate families with commas)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action((parts: string[], opts: { asn2?: boolean; addPath?: boolean; addPathFamily?: string[] }) => {
      try {
        const addPath = addPathFamilies(opts.addPathFamily ?? (opts.addPath ? true : undefined));
        const ctx = familyContext({ ...DEFAULT_CONTEXT, asn4: !opts.asn2, addPath });
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

  program
    .command('cli')
    .description("send a text command (ExaBGP's API grammar) to a running daemon and print the answer; exit 0 done, 1 error, 2 no daemon")
    .argument('<command...>', 'the command words, e.g. show neighbor summary')
    .option('--socket <path>', 'the daemon\'s control socket (the path its config sets in "control.socket")')
    .addOption(new Option('--config <file>', 'the daemon running on this config file (its "control.socket", else its default socket)').conflicts('socket'))
    .option('--timeout <ms>', 'give up after this many milliseconds without an answer (default: 10000; 120000 for reload, which answers once the new config is applied)', positiveInteger)
    .addHelpText('after', cliHelpText)
    .action(async (words: string[], opts: { socket?: string; config?: string; timeout?: number }) => {
      process.exitCode = await runCliCommand(words, opts, process.stdout, process.stderr);
    });

  program
    .command('encode')
    .description('print the hex of the UPDATE message(s) an announce/withdraw route or attributes command produces, one per line')
    .argument('<command...>', 'e.g. "announce route 10.0.0.0/24 next-hop 192.0.2.1 as-path [ 65001 ]"')
    .option('--asn2', 'encode for a 2-octet AS session (no 4-octet AS capability)')
    .option(
      '--local-as <asn>',
      'encode exactly what the daemon sends from this AS to a neighbor of --peer-as: eBGP prepends it to AS_PATH and drops LOCAL_PREF, iBGP adds LOCAL_PREF 100 when not given; ORIGIN IGP when not given (without --local-as/--peer-as the attributes are encoded as written)',
      asNumber,
    )
    .option('--peer-as <asn>', 'the peer AS of that session (default: --local-as, iBGP)', asNumber)
    .option('--next-hop-self <ip>', 'the address `next-hop self` stands for (default 127.0.0.1, ::1 for IPv6 routes)')
    .action(async (words: string[], opts: { asn2?: boolean; localAs?: number; peerAs?: number; nextHopSelf?: string }) => {
      const options = { asn4: !opts.asn2, localAs: opts.localAs, peerAs: opts.peerAs, nextHopSelf: opts.nextHopSelf };
      process.exitCode = await runEncodeCommand(words, options, process.stdout, process.stderr);
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
