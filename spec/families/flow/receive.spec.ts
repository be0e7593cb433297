/**
 * A received FlowSpec UPDATE through the message decoder (the registry's families, as a session
 * decodes) into the Adj-RIB-In: rules are held by their canonical text and withdrawn by it, and an
 * UPDATE with a malformed FlowSpec NLRI is treat-as-withdraw (RFC 8955 §4.2, RFC 7606 §2) that
 * withdraws the rules that did parse, never an exception (session reset).
 */
import { familyContext } from '../../../lib/families/family-context';
import { encodeFlowNlriRun, parseFlowRoute, type FlowRule } from '../../../lib/families/flowspec';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { Writer } from '../../../lib/wire/writer';
import { flowUpdateMessage } from '../flowspec/helpers/build-update';

const ctx = familyContext(DEFAULT_CONTEXT);
const FLOW4 = { afi: 1, safi: 133 } as const;

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

function decode(bytes: Buffer): UpdateMessage {
  return decodeMessage(bytes, ctx) as UpdateMessage;
}

const A = rule('destination 10.0.0.0/24 protocol [ =tcp ] destination-port [ =80 ]');
const B = rule('source 192.0.2.0/24 packet-length [ >200&<300 ]');
const A_TEXT = 'flow destination-ipv4 10.0.0.0/24 protocol =tcp destination-port =80';
const B_TEXT = 'flow source-ipv4 192.0.2.0/24 packet-length [ >200&<300 ]';

describe('received FlowSpec rules in the Adj-RIB-In', () => {
  it('holds announced rules by their canonical text, with no next hop, and drops them on withdrawal', () => {
    const rib = new AdjRibIn();
    const announce = decode(flowUpdateMessage({ family: FLOW4, rules: [A, B] }));
    expect(announce.errorAction).toBeUndefined();
    expect(announce.announced.map((l) => [l.afi, l.safi, l.nextHop, l.prefixes])).toEqual([[1, 133, [], [A_TEXT, B_TEXT]]]);
    expect(rib.apply(announce)).toEqual({ announced: 2, withdrawn: 0 });
    expect([...rib.entries()].map(([fk, key]) => [fk, key])).toEqual([
      [(1 << 8) | 133, A_TEXT],
      [(1 << 8) | 133, B_TEXT],
    ]);
    expect(rib.apply(decode(flowUpdateMessage({ family: FLOW4, rules: [A], withdraw: true })))).toEqual({ announced: 0, withdrawn: 1 });
    expect([...rib.entries()].map(([, key]) => key)).toEqual([B_TEXT]);
  });

  it('treats an UPDATE whose FlowSpec NLRI field has a malformed rule as withdraw, withdrawing the rules that parsed', () => {
    const rib = new AdjRibIn();
    rib.apply(decode(flowUpdateMessage({ family: FLOW4, rules: [A, B] })));
    // A's NLRI, then one with component type 3 before type 1 (out of order, RFC 8955 §4.2).
    const w = new Writer(32);
    encodeFlowNlriRun(w, [A], FLOW4);
    const goodNlri = Buffer.from(w.view());
    const bad = Buffer.from([0x06, 0x03, 0x81, 0x06, 0x01, 0x08, 0x0a]);
    const message = decode(flowUpdateMessage({ family: FLOW4, nlri: Buffer.concat([goodNlri, bad]) }));
    expect(message.errorAction).toBe('treat-as-withdraw');
    expect(message.announced[0]!.prefixes).toEqual([A_TEXT]);
    expect(rib.apply(message)).toEqual({ announced: 0, withdrawn: 1 });
    expect([...rib.entries()].map(([, key]) => key)).toEqual([B_TEXT]);
  });
});

