/**
 * flow-decode (issue 12, speed 3): decode ns per FlowSpec rule on a 100k-rule UPDATE stream. The
 * stream is made by rxbgp's own send path, in process, exactly as `rxbgp encode --local-as A
 * --peer-as B` makes it: every flow-api rule line (bench/gen/flow-rules.ts) through the API parser
 * (parseCommand), then the Adj-RIB-Out upsert and the session's sender (lib/session/rib-sender.ts,
 * via encodeRouteCommand). That send path is timed too, once per pass, as "API text → UPDATEs".
 * Then decodeMessage runs over every frame, median of several passes, each pass counting every
 * rule decoded (nlriCount of the FlowSpec lists), so a wrong or lazy decode fails instead of timing.
 */
import { performance } from 'perf_hooks';
import { parseCommand } from '../../lib/api/commands/parse-command';
import type { RouteSpec } from '../../lib/api/commands/types';
import { encodeRouteCommand } from '../../lib/cli/commands/encode-updates';
import { familyContext } from '../../lib/families/family-context';
import { Safi } from '../../lib/wire/iana';
import { decodeMessage } from '../../lib/wire/message';
import { nlriCount } from '../../lib/wire/nlri';
import { flowAnnounceLine } from '../gen/flow-rules';
import { median, passesText, timePasses, type PassTimes } from '../micro/passes';
import type { BenchCase, CaseCompletion, CaseContext } from './case-types';
import { FLOW_API_SLOT } from './flow-slots';

const FLOW_DECODE_DEFAULT_N = 100_000;
const LIMITS = { minPasses: 7, minMs: 1000, maxPasses: 51, budgetMs: 30_000 };
/** The send path is slower and makes the stream: fewer passes. */
const SEND_LIMITS = { minPasses: 3, minMs: 0, maxPasses: 3, budgetMs: 60_000 };

/** RouteSpecs of rules [0, n) as the API parser makes them; throws on a line it refuses. */
function parseRules(n: number): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (let i = 0; i < n; i++) {
    const line = flowAnnounceLine(i);
    const parsed = parseCommand(line.slice(0, -1));
    if (!parsed.ok) throw new Error(`flow-decode: rule ${i} refused: ${parsed.error} (${line.trim()})`);
    if (parsed.command.kind !== 'announce-route') throw new Error(`flow-decode: rule ${i} parsed as ${parsed.command.kind}`);
    for (const r of parsed.command.routes) routes.push(r);
  }
  return routes;
}

/** Rules announced by one decoded message (FlowSpec lists only), and whether any attribute error came with it. */
function flowRulesOf(frame: Buffer, ctx: ReturnType<typeof familyContext>): number {
  const m = decodeMessage(frame, ctx);
  if (m.type !== 'update') return 0;
  if (m.errorAction) throw new Error(`flow-decode: an UPDATE decoded with ${m.errorAction}`);
  let n = 0;
  for (const list of m.announced) if (list.safi === Safi.FLOWSPEC) n += nlriCount(list);
  return n;
}

export const flowDecodeCase: BenchCase = {
  name: 'flow-decode',
  groups: ['flow-decode'],
  sender: "rxbgp's send path (in process)",
  receiver: 'rxbgp codec',
  summary: "decodes a stream of N FlowSpec rules made by rxbgp's own API → Adj-RIB-Out → UPDATE path (ns per rule)",
  needs: ['rxbgp'],
  defaultN: FLOW_DECODE_DEFAULT_N,
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const { sender, receiver } = FLOW_API_SLOT;
    const encodeOptions = { asn4: true, localAs: sender.asn, peerAs: receiver.asn };
    let frames: Buffer[] = [];
    // API text → RouteSpecs → Adj-RIB-Out → UPDATEs, a fresh Adj-RIB-Out each pass.
    const send: PassTimes = await timeAsyncPasses(SEND_LIMITS, ctx, async () => {
      frames = await encodeRouteCommand({ kind: 'announce-route', routes: parseRules(ctx.n) }, encodeOptions);
    });
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const bytes = frames.reduce((sum, f) => sum + f.length, 0);
    const codec = familyContext({ asn4: true, extendedMessage: false, addPath: new Set() });
    let rules = 0;
    for (const f of frames) rules += flowRulesOf(f, codec);
    const problems: string[] = [];
    if (rules !== ctx.n) problems.push(`the stream decodes to ${rules} FlowSpec rules, not N = ${ctx.n}`);
    ctx.log(`stream: ${frames.length} UPDATEs, ${(bytes / 1e6).toFixed(2)} MB, ${rules} rules; timing decodeMessage`);
    const decode = timePasses('flow decode', { ...LIMITS, deadline: ctx.deadline }, () => {
      let n = 0;
      for (const f of frames) n += flowRulesOf(f, codec);
      if (n !== ctx.n) throw new Error(`flow-decode: a pass decoded ${n} rules, not ${ctx.n}`);
    });
    const passes = passesText;
    return {
      setupSeconds,
      figures: [
        { name: 'decode', value: median(decode.ns) / ctx.n, unit: 'ns/rule' },
        { name: 'API text → UPDATEs (parse, Adj-RIB-Out, encode)', value: median(send.ns) / ctx.n, unit: 'ns/rule' },
        { name: 'messages', value: frames.length, unit: 'UPDATEs' },
        { name: 'octets per rule', value: bytes / ctx.n, unit: 'octets' },
        { name: 'rules', value: rules, unit: 'rules' },
      ],
      problems,
      checks: [
        `stream: ${frames.length} UPDATEs, ${(bytes / 1e6).toFixed(2)} MB for ${ctx.n} rules (eBGP AS ${sender.asn} → ${receiver.asn}, 4-octet AS); every decode pass counted ${rules} FlowSpec rules, no attribute error`,
        `passes: decode ${passes(decode)}, API text → UPDATEs ${passes(send)}`,
      ],
    };
  },
};

/** timePasses for a pass that awaits (the sender's write path is async); same limits and deadline. */
async function timeAsyncPasses(limits: typeof SEND_LIMITS, ctx: CaseContext, pass: () => Promise<void>): Promise<PassTimes> {
  const ns: number[] = [];
  const start = performance.now();
  while (ns.length < limits.maxPasses) {
    ctx.deadline.check(`flow send pass ${ns.length + 1}`);
    if (ns.length >= limits.minPasses || (ns.length > 0 && performance.now() - start >= limits.budgetMs)) break;
    const t0 = process.hrtime.bigint();
    await pass();
    ns.push(Number(process.hrtime.bigint() - t0));
  }
  return { ns };
}
