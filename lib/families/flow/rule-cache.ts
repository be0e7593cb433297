/**
 * Canonical rule text → decoded rule, for the layers that keep FlowSpec routes by text (the
 * Adj-RIB-Out, policy batches, the packer's groups: DESIGN.md keeps those family-blind, and a
 * list's text is all that travels between them). Parsing a rule's text again costs ~5 µs; a
 * helper pushing 100 k rules would pay that at every hand-over. The parser and the decoder
 * remember what they made; a text not here is parsed (and remembered) on first use.
 *
 * Bounded: past MAX_RULES distinct texts the cache starts over (the rules are re-parsed when next
 * read, nothing is lost), so a long-running daemon cannot grow it without end.
 */
import type { FlowAfi, FlowRule } from '../flowspec';

const MAX_RULES = 250_000;

const byAfi: ReadonlyArray<Map<string, FlowRule>> = [new Map(), new Map(), new Map()];

export function rememberFlowRule(text: string, rule: FlowRule, afi: FlowAfi): void {
  const rules = byAfi[afi];
  if (rules.size >= MAX_RULES) rules.clear();
  rules.set(text, rule);
}

export function knownFlowRule(text: string, afi: FlowAfi): FlowRule | undefined {
  return byAfi[afi].get(text);
}
