/**
 * The in-process half of the codec case: a captured stream split into messages once, then timed
 * passes of decoding (with and without making every prefix's text) and of packing the decoded
 * routes back into UPDATEs. Every pass checks its count against the capture's prefixes, so the
 * work is used and a wrong result fails the case instead of giving a figure.
 */
import type { CodecContext, UpdateMessage } from '../../lib/wire/types';
import type { Deadline } from '../measure/deadline';
import { decodePass, decodeTextPass, decodeUpdates } from './decode-pass';
import { encodedPrefixCount, encodeGroups, encodePass, groupPrefixes, type EncodeCount } from './encode-pass';
import { splitMessages, updatesOf } from './message-split';
import { isPacked } from './prefix-count';
import { medianNsPerPrefix, timePasses, type PassLimits, type PassTimes } from './passes';

export interface CodecBenchOptions {
  /** Prefixes the captured UPDATEs announce (counted while capturing). */
  readonly prefixes: number;
  readonly codec: CodecContext;
  /** Largest message packUpdates may write: 4096 without RFC 8654 extended messages. */
  readonly maxLength: number;
  readonly minPasses: number;
  /** Per figure: passes go on past minPasses until this much time went into them (up to maxPasses). */
  readonly minMs: number;
  readonly maxPasses: number;
  /** Per figure: no pass starts after this much time went into that figure's passes. */
  readonly budgetMs: number;
  readonly deadline: Deadline;
  /** Called once, untimed, with every UPDATE decoded (to check the capture's content). */
  readonly inspect?: (decoded: readonly UpdateMessage[]) => void;
}

export interface CodecBenchResult {
  readonly messages: number;
  readonly updates: number;
  /** Octets of the captured UPDATEs (headers included). */
  readonly updateBytes: number;
  readonly decode: PassTimes;
  readonly decodeText: PassTimes;
  readonly encode: PassTimes;
  /** Median pass per prefix, ns. */
  readonly decodeNsPerPrefix: number;
  readonly decodeTextNsPerPrefix: number;
  readonly encodeNsPerPrefix: number;
  /** What one encode pass wrote. */
  readonly encoded: EncodeCount;
  /** Prefixes announced by the encoded messages, decoded back after the timed passes. */
  readonly encodedPrefixes: number;
  /** Encoder input lists, and how many of them the decoder held packed (packUpdates then reads numbers). */
  readonly groups: number;
  readonly packedGroups: number;
}

export function runCodecBench(capture: Buffer, o: CodecBenchOptions): CodecBenchResult {
  const messages = splitMessages(capture);
  const updates = updatesOf(messages);
  let updateBytes = 0;
  for (const u of updates) updateBytes += u.length;
  const limits: PassLimits = { minPasses: o.minPasses, minMs: o.minMs, maxPasses: o.maxPasses, budgetMs: o.budgetMs, deadline: o.deadline };
  const expect = (what: string, got: number) => {
    if (got !== o.prefixes) throw new Error(`${what}: ${got} prefixes, the capture holds ${o.prefixes}`);
  };

  const decode = timePasses('decode', limits, () => expect('decode pass', decodePass(updates, o.codec)));
  const decodeText = timePasses('decode + text', limits, () => {
    const { prefixes, characters } = decodeTextPass(updates, o.codec);
    expect('decode + text pass', prefixes);
    // The shortest IPv4 prefix text, "1.0.0.0/8", has 9 characters.
    if (characters < 9 * prefixes) throw new Error(`decode + text pass: only ${characters} characters for ${prefixes} prefixes`);
  });

  const decoded = decodeUpdates(updates, o.codec);
  o.inspect?.(decoded);
  const groups = encodeGroups(decoded);
  expect('encode input', groupPrefixes(groups));
  let encoded: EncodeCount | undefined;
  const encode = timePasses('encode', limits, () => {
    const out = encodePass(groups, o.codec, o.maxLength);
    if (encoded && (out.bytes !== encoded.bytes || out.messages !== encoded.messages)) {
      throw new Error(`encode pass: ${out.messages} messages / ${out.bytes} octets, an earlier pass wrote ${encoded.messages} / ${encoded.bytes}`);
    }
    encoded = out;
  });
  const encodedPrefixes = encodedPrefixCount(groups, o.codec, o.maxLength);

  return {
    messages: messages.length,
    updates: updates.length,
    updateBytes,
    decode,
    decodeText,
    encode,
    decodeNsPerPrefix: medianNsPerPrefix(decode, o.prefixes),
    decodeTextNsPerPrefix: medianNsPerPrefix(decodeText, o.prefixes),
    encodeNsPerPrefix: medianNsPerPrefix(encode, o.prefixes),
    encoded: encoded!,
    encodedPrefixes,
    groups: groups.length,
    packedGroups: groups.filter((g) => isPacked(g.announced)).length,
  };
}
