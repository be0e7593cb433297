import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import { flowAnnounceLine, flowRuleText, flowVictim, MAX_FLOW_RULES, writeFlowRuleLines } from '../../../bench/gen/flow-rules';

describe('flow-rules', () => {
  it('writes the four DDoS shapes in turn, FastNetMon block form and ExaFS one-line form', () => {
    expect([0, 1, 2, 3].map(flowAnnounceLine)).toEqual([
      'announce flow route { match { destination 10.64.0.0/32; protocol udp; source-port =53; } then { discard; } }\n',
      'announce flow route { match { destination 10.64.0.1/32; protocol udp; source-port =123; packet-length >=468; } then { discard; } }\n',
      'announce flow route source 192.0.2.2/32 destination 10.64.0.2/32 protocol [ tcp ] destination-port [ =80 ] rate-limit 1024\n',
      'announce flow route destination 10.64.0.3/32 protocol [ tcp ] destination-port [ =443 ] tcp-flags [ syn ] rate-limit 9600\n',
    ]);
    expect(flowVictim(65536 + 256 + 7)).toBe('10.65.1.7/32');
  });

  it('gives rules rxbgp takes as one IPv4 FlowSpec announcement each, all distinct, with their action', () => {
    const texts = new Set<string>();
    const actions = new Map<number, string>();
    for (let i = 0; i < 400; i++) {
      const parsed = parseCommand(flowAnnounceLine(i).trimEnd());
      if (!parsed.ok) throw new Error(`rule ${i}: ${parsed.error}`);
      expect(parsed.command.kind).toBe('announce-route');
      const routes = parsed.command.kind === 'announce-route' ? parsed.command.routes : [];
      expect(routes.map((r) => [r.afi, r.safi, r.nextHop])).toEqual([[1, 133, '']]);
      expect(routes[0]!.prefix).toContain(`destination-ipv4 ${flowVictim(i)}`);
      texts.add(routes[0]!.prefix);
      actions.set(i % 4, (routes[0]!.attributes.extendedCommunities ?? []).map((c) => c.toString(16)).join(','));
    }
    expect(texts.size).toBe(400);
    // RFC 8955 §7.3 traffic-rate-bytes (0x8006): rate 0 is discard; 1024 and 9600 as IEEE floats.
    expect(Object.fromEntries(actions)).toEqual({ 0: '8006000000000000', 1: '8006000000000000', 2: '8006000044800000', 3: '8006000046160000' });
  });

  it('writes count lines to a file and refuses a count outside 1..MAX_FLOW_RULES', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-rules-spec-'));
    try {
      const file = path.join(dir, 'rules.txt');
      const bytes = writeFlowRuleLines(file, 9000);
      const text = fs.readFileSync(file, 'utf8');
      expect(bytes).toBe(Buffer.byteLength(text));
      const lines = text.split('\n');
      expect(lines.length).toBe(9001);
      expect(lines[8999]).toBe(`announce flow route ${flowRuleText(8999)}`);
      expect(() => writeFlowRuleLines(file, 0)).toThrow('count must be 1–');
      expect(() => writeFlowRuleLines(file, MAX_FLOW_RULES + 1)).toThrow('count must be 1–');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
