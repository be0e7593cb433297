/**
 * Warms the path a helper's route line takes (command parser, the family's grammar, Adj-RIB-Out,
 * UPDATE packing and encoding) at start, for the families the neighbors carry that have a route
 * grammar (FlowSpec). V8 compiles a function well only after it has run many times: until then a
 * line costs several times more, and the first thousand rules after a start were the slowest a
 * DDoS tool would see (flow-latency: p99 1.5 ms over the first 1,000 lines, 0.5–0.7 ms after;
 * docs/performance.md). The routes go to a scratch Adj-RIB-Out and a sender that writes nowhere:
 * nothing reaches a peer or a RIB of the daemon.
 */
import { parseCommand } from '../api/commands/parse-command';
import { FAMILIES, type AnyFamily, type RouteGrammar } from '../families';
import { familyContext } from '../families/family-context';
import { AdjRibOut } from '../rib/adj-rib-out';
import { sendRoutes, type SendContext, type SendTarget } from '../session/rib-sender';
import { MAX_MESSAGE_LENGTH } from '../wire/iana';
import { DEFAULT_CONTEXT, familyKey } from '../wire/types';

/** Lines per grammar, one at a time as a helper sends them, then withdrawn: about 0.25 s at start (flow-latency p99 1.5–1.8 ms without, 0.8–1.4 ms after 1,500 lines, 0.7–1.0 ms after 5,000). */
export const WARM_UP_LINES = 5000;

const NOWHERE: SendTarget = {
  write: () => true,
  drained: async () => {},
  alive: () => true,
  wrote() {},
};

/**
 * Runs WARM_UP_LINES example routes of each grammar the families have (the four FlowSpec families
 * share one) through the send path; returns how many routes were sent.
 */
export async function warmUp(families: readonly AnyFamily[], lines = WARM_UP_LINES): Promise<number> {
  const grammars = new Set(families.map((f) => f.routeGrammar).filter((g): g is RouteGrammar => g?.example !== undefined));
  let sent = 0;
  for (const grammar of grammars) {
    const rib = new AdjRibOut();
    const ctx: SendContext = {
      codec: familyContext(DEFAULT_CONTEXT),
      maxLength: MAX_MESSAGE_LENGTH,
      localAs: 64512,
      peerAs: 64513,
      // Every family of the grammar: the examples pick their own (IPv4 FlowSpec).
      families: new Set(FAMILIES.filter((f) => f.routeGrammar === grammar).map((f) => familyKey(f.afi, f.safi))),
      selfIpv4: '192.0.2.1',
      selfIpv6: '2001:db8::1',
    };
    const prefix = `announce ${grammar.word} route `;
    for (let i = 0; i < lines; i++) {
      const parsed = parseCommand(prefix + grammar.example!(i));
      if (!parsed.ok || parsed.command.kind !== 'announce-route') throw new Error(`warm-up: the ${grammar.word} example ${i} is refused: ${parsed.ok ? parsed.command.kind : parsed.error}`);
      const change = rib.upsert(parsed.command.routes);
      sent += (await sendRoutes(NOWHERE, ctx, change.withdraw, change.announce, [], false)).prefixes;
    }
    const withdrawn = rib.clearApi();
    sent += (await sendRoutes(NOWHERE, ctx, withdrawn.withdraw, withdrawn.announce, [], false)).prefixes;
  }
  return sent;
}
