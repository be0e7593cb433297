/**
 * codec: UPDATE decoding and encoding in ns per prefix, on a real stream. BIRD holds the run as
 * static routes and connects to a minimal capture peer (bench/micro/capture-peer.ts) that records
 * every octet it sends from Established to the End-of-RIB or the N-th prefix; BIRD is then stopped
 * and this process times rxbgp's decodeMessage and packUpdates over the capture (median of a few
 * passes). The capture lives in memory only. setupSeconds is the capture, BIRD's loading included.
 */
import { performance } from 'perf_hooks';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { PrefixTally } from '../measure/prefix-tally';
import type { CapturedStream } from '../micro/capture-peer';
import { runCodecBench, type CodecBenchResult } from '../micro/codec-bench';
import { passesText } from '../micro/passes';
import { CAPTURE_PASSES, captureFromBird, tallyLists } from './bird-capture';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext, type Figure } from './case-types';

/** No extended messages are negotiated with the capture peer (RFC 8654), as in the capture itself. */
const MAX_LENGTH = 4096;

const MB = 1e6;

export const codecCase: BenchCase = {
  name: 'codec',
  groups: ['codec'],
  sender: 'BIRD (captured)',
  receiver: 'rxbgp codec',
  summary: "times rxbgp's UPDATE decoder and encoder in-process on a captured BIRD stream of N prefixes (ns per prefix)",
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const stream = await captureFromBird(ctx, routes);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`captured ${(stream.bytes.length / MB).toFixed(2)} MB, ${stream.messages} messages, ${stream.prefixes} prefixes; timing`);

    const tally = new PrefixTally(routes, []);
    const bench = runCodecBench(stream.bytes, {
      prefixes: stream.prefixes,
      codec: stream.codec,
      maxLength: MAX_LENGTH,
      ...CAPTURE_PASSES,
      deadline: ctx.deadline,
      inspect: (decoded) => {
        for (const u of decoded) tallyLists(tally, u.announced, u.withdrawn);
      },
    });

    const problems: string[] = [];
    if (stream.prefixes !== ctx.n) problems.push(`the capture holds ${stream.prefixes} prefixes, not N = ${ctx.n}`);
    if (!tally.matchesRun()) {
      problems.push(
        `the capture is not the run: ${tally.distinct} of ${ctx.n} distinct, ${tally.unexpected} unexpected, ` +
          `${tally.duplicates} duplicates, ${tally.withdrawn} withdrawn`,
      );
    }
    if (bench.encodedPrefixes !== stream.prefixes) problems.push(`the encoded messages announce ${bench.encodedPrefixes} prefixes, not ${stream.prefixes}`);
    // The same routes packed behind the same attributes into the same 4096 octets: about BIRD's size.
    const sizeRatio = bench.encoded.bytes / bench.updateBytes;
    if (!(sizeRatio > 0.5 && sizeRatio < 2)) problems.push(`encoded ${bench.encoded.bytes} octets for the capture's ${bench.updateBytes}: implausible`);

    const checks = checksOf(bench, stream, sizeRatio);
    if (tally.matchesRun()) checks.splice(1, 0, `the capture is exactly the run: ${tally.distinct} distinct prefixes, none unexpected or withdrawn`);
    return { setupSeconds, figures: figuresOf(bench, stream.prefixes), problems, checks };
  },
};

function figuresOf(b: CodecBenchResult, prefixes: number): Figure[] {
  return [
    { name: 'decode', value: b.decodeNsPerPrefix, unit: 'ns/prefix' },
    { name: 'decode + text', value: b.decodeTextNsPerPrefix, unit: 'ns/prefix' },
    { name: 'encode', value: b.encodeNsPerPrefix, unit: 'ns/prefix' },
    { name: 'messages', value: b.updates, unit: 'messages' },
    { name: 'prefixes', value: prefixes, unit: 'prefixes' },
  ];
}

function checksOf(b: CodecBenchResult, stream: CapturedStream, sizeRatio: number): string[] {
  const passes = passesText;
  return [
    `capture: ${(stream.bytes.length / MB).toFixed(2)} MB, ${stream.messages} messages (${stream.updates} UPDATEs) in ` +
      `${stream.streamSeconds.toFixed(2)} s after Established, ended on ${stream.endOfRib ? 'the End-of-RIB' : 'the N-th prefix'}; ` +
      `4-octet AS ${stream.codec.asn4 ? 'on' : 'off'}`,
    `passes: decode ${passes(b.decode)}, decode + text ${passes(b.decodeText)}, encode ${passes(b.encode)}; each pass counted every prefix`,
    `encode: ${b.groups} (attributes, prefixes) groups, ${b.packedGroups} of them held packed by the decoder; wrote ` +
      `${b.encoded.messages} messages, ${(b.encoded.bytes / MB).toFixed(2)} MB (${sizeRatio.toFixed(3)} × the captured UPDATEs); ` +
      `decoded back: ${b.encodedPrefixes} prefixes`,
  ];
}
