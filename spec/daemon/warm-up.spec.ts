/**
 * The start-up warm-up of the route-line path (lib/daemon/warm-up.ts): every example route a
 * grammar gives is accepted, distinct, announced and then withdrawn through the real sender.
 */
import { FAMILY_REGISTRY } from '../../lib/families';
import { warmUp } from '../../lib/daemon/warm-up';

const IPV4_FLOW = FAMILY_REGISTRY.get(1, 133)!;
const IPV6_FLOW = FAMILY_REGISTRY.get(2, 133)!;
const IPV4_UNICAST = FAMILY_REGISTRY.get(1, 1)!;

describe('warmUp', () => {
  it('announces and withdraws each example route of a grammar once, however many of its families are given', async () => {
    expect(await warmUp([IPV4_FLOW, IPV6_FLOW], 40)).toBe(80);
  });

  it('does nothing for families without a route grammar', async () => {
    expect(await warmUp([IPV4_UNICAST], 40)).toBe(0);
  });

  it('the FlowSpec examples are distinct rules the API takes (a refused or repeated one would not be sent)', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => IPV4_FLOW.routeGrammar!.example!(i));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
