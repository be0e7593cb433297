/**
 * The crasher corpus (issue 13 item 4, as GoBGP keeps its fuzz crashers): every *.hex file of this
 * folder is one raw message, replayed through the Framer and decodeMessage in the codec context(s)
 * it names. No exception but a BgpError may escape, and the outcome must be the one the file states
 * (RFC 4271 §6, RFC 7606). docs/architecture.md ("The crasher corpus") says how to add a file;
 * scripts/fuzz-decoder.js adds the inputs it finds that make the decoder throw, with "expect: ?"
 * until someone decides the right outcome.
 *
 * A file: `# ` lines first, the first being what the message is, then `# key: value` lines:
 *   context: new | old | extended | external | addpath (several, space-separated; default new)
 *   expect: ok | treat-as-withdraw | discard | reset C/S      what decodeMessage gives
 *   data: HEX | none                                          the NOTIFICATION data of a reset
 *   discarded: N [N...]                                       type codes a discard dropped
 *   framer: frames N | pending | reset C/S                    what Framer.push of the whole file gives
 *   framer-data: HEX                                          the NOTIFICATION data of a framer reset
 * then the bytes in hex, a `# comment` per field.
 */
import fs from 'fs';
import path from 'path';
import { familyContext } from '../../../lib/families/family-context';
import { BgpError } from '../../../lib/wire/errors';
import { Framer } from '../../../lib/wire/framer';
import { MAX_EXTENDED_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH } from '../../../lib/wire/iana';
import { decodeMessage } from '../../../lib/wire/message';
import { familyKey, type CodecContext } from '../../../lib/wire/types';
import { hex } from '../../helpers/hex';

/** The codec contexts a file may name: every one knows every family of the registry (FlowSpec too). */
const CONTEXTS: Record<string, CodecContext> = {
  /** A 4-octet-AS (NEW) speaker, RFC 6793. */
  new: familyContext({ asn4: true, extendedMessage: false, addPath: new Set() }),
  /** A 2-octet-AS (OLD) speaker: AS_PATH and AGGREGATOR in 2 octets, AS4_PATH merged. */
  old: familyContext({ asn4: false, extendedMessage: false, addPath: new Set() }),
  /** RFC 8654 extended messages negotiated. */
  extended: familyContext({ asn4: true, extendedMessage: true, addPath: new Set() }),
  /** RFC 7911 ADD-PATH receive for IPv4 and IPv6 unicast and FlowSpec. */
  /** The UPDATE comes from an external (eBGP) peer (RFC 7606 §7.5). */
  external: familyContext({ asn4: true, extendedMessage: false, addPath: new Set(), external: true }),
  addpath: familyContext({
    asn4: true,
    extendedMessage: false,
    addPath: new Set([familyKey(1, 1), familyKey(2, 1), familyKey(1, 133), familyKey(2, 133)]),
  }),
};

const KEYS = new Set(['context', 'expect', 'data', 'discarded', 'framer', 'framer-data']);

interface Crasher {
  readonly name: string;
  readonly what: string;
  readonly meta: Record<string, string>;
  readonly bytes: Buffer;
}

/** Reads one corpus file; throws, naming the file and line, when it is not in the format above. */
export function readCrasher(file: string): Crasher {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const meta: Record<string, string> = {};
  let what = '';
  let i = 0;
  for (; i < lines.length && lines[i].startsWith('#'); i++) {
    const line = lines[i].slice(1).trim();
    const pair = /^([a-z-]+):\s*(.*)$/.exec(line);
    if (pair && KEYS.has(pair[1])) meta[pair[1]] = pair[2].trim();
    else if (i === 0) what = line;
    else if (pair) throw new Error(`${path.basename(file)}:${i + 1}: unknown key "${pair[1]}" (known: ${[...KEYS].join(', ')})`);
  }
  if (!meta.expect) throw new Error(`${path.basename(file)}: no "# expect:" line`);
  return { name: path.basename(file, '.hex'), what, meta, bytes: hex(lines.slice(i).join('\n')) };
}

/** What decodeMessage made of the bytes, in the words of the `expect:` line. */
function decodeOutcome(bytes: Buffer, ctx: CodecContext): { outcome: string; data?: string; discarded?: string } {
  try {
    const message = decodeMessage(bytes, ctx);
    if (message.type !== 'update' || !message.errorAction) return { outcome: 'ok' };
    return { outcome: message.errorAction, discarded: message.discarded?.join(' ') };
  } catch (e) {
    if (!(e instanceof BgpError)) throw e;
    return { outcome: `reset ${e.code}/${e.subcode}`, data: e.data.toString('hex') };
  }
}

/** What one Framer made of the whole file pushed as one chunk, in the words of the `framer:` line. */
function framerOutcome(bytes: Buffer, ctx: CodecContext): { outcome: string; data?: string } {
  const framer = new Framer(ctx.extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH);
  try {
    const frames = framer.push(bytes);
    return { outcome: frames.length === 0 ? 'pending' : `frames ${frames.length}` };
  } catch (e) {
    if (!(e instanceof BgpError)) throw e;
    return { outcome: `reset ${e.code}/${e.subcode}`, data: e.data.toString('hex') };
  }
}

const FOLDER = __dirname;
const files = fs.readdirSync(FOLDER).filter((f) => f.endsWith('.hex')).sort();

describe('the crasher corpus (spec/wire/crashers/*.hex)', () => {
  it('holds the seed files', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });

  describe.each(files)('%s', (file) => {
    const crasher = readCrasher(path.join(FOLDER, file));
    const contexts = (crasher.meta.context ?? 'new').split(/\s+/);

    it.each(contexts)(`in context %s: ${crasher.what.replace(/%/g, '%%')}`, (name) => {
      const ctx = CONTEXTS[name];
      if (!ctx) throw new Error(`${file}: unknown context "${name}" (known: ${Object.keys(CONTEXTS).join(', ')})`);
      if (crasher.meta.expect === '?') throw new Error(`${file}: found by the fuzzer; decide its outcome and write it on the "# expect:" line`);

      const decoded = decodeOutcome(crasher.bytes, ctx);
      expect(decoded.outcome).toBe(crasher.meta.expect);
      if (crasher.meta.data !== undefined) expect(decoded.data).toBe(crasher.meta.data === 'none' ? '' : crasher.meta.data);
      if (crasher.meta.discarded !== undefined) expect(decoded.discarded).toBe(crasher.meta.discarded);

      const framed = framerOutcome(crasher.bytes, ctx);
      if (crasher.meta.framer !== undefined) expect(framed.outcome).toBe(crasher.meta.framer);
      if (crasher.meta['framer-data'] !== undefined) expect(framed.data).toBe(crasher.meta['framer-data']);
    });
  });
});
