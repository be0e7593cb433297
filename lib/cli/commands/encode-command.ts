/**
 * `rxbgp encode [--asn2] [--local-as N] [--peer-as N] [--next-hop-self IP] "<command>"`:
 * prints the hex of each UPDATE message an `announce route …` / `withdraw route …` /
 * `announce attributes … nlri …` command produces, one message per line, in upper case as
 * `exabgp encode` prints it. ExaBGP's form without the verb (`route 10.0.0.0/24 next-hop …`)
 * is read as an announce.
 */
import { parseCommand } from '../../api/commands/parse-command';
import { encodeRouteCommand, type EncodeOptions } from './encode-updates';
import type { Output } from './cli-command';

/** Runs the command and resolves to the exit status: 0 with the hex on `out`, 1 with the reason on `err`. */
export async function runEncodeCommand(words: readonly string[], options: EncodeOptions, out: Output, err: Output): Promise<number> {
  let line = words.join(' ').trim();
  if (/^(route|attributes)\b/.test(line)) line = `announce ${line}`;
  const parsed = parseCommand(line);
  if (!parsed.ok) {
    err.write(`rxbgp encode: ${parsed.error}\n`);
    return 1;
  }
  try {
    const messages = await encodeRouteCommand(parsed.command, options);
    out.write(messages.map((m) => m.toString('hex').toUpperCase() + '\n').join(''));
    return 0;
  } catch (e) {
    err.write(`rxbgp encode: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
