import { sendRoutes, type SendContext } from '../../lib/session/rib-sender';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage } from '../../lib/wire/message';
import { familyKey, DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import type { OutGroup } from '../../lib/rib/adj-rib-out';

const ctx: SendContext = { codec: DEFAULT_CONTEXT, maxLength: 4096, localAs: 65001, peerAs: 65002, families: new Set([familyKey(1, 1)]) };

function target() {
  const written: Buffer[] = [];
  const refusals: string[] = [];
  return {
    written,
    refusals,
    write: (b: Buffer) => (written.push(b), true),
    drained: () => Promise.resolve(),
    alive: () => true,
    wrote: () => undefined,
    refused: (what: string, why: string) => void refusals.push(`${what}: ${why}`),
  };
}

const group = (prefixes: string[], nextHop: string): OutGroup => ({ afi: 1, safi: 1, nextHop, attributes: { origin: 0, asPath: [] }, prefixes });

describe('sendRoutes', () => {
  it('skips a group that cannot be encoded, says which, and sends the rest', async () => {
    const t = target();
    const result = await sendRoutes(t, ctx, [], [group(['10.0.0.0/24'], '198.51.100.1'), group(['10.0.1.0/24', '10.0.2.0/24'], '2001:db8::1'), group(['10.0.3.0/24'], '198.51.100.1')]);
    expect(result.refused).toBe(1);
    expect(result.prefixes).toBe(2);
    expect(t.refusals).toHaveLength(1);
    expect(t.refusals[0]).toMatch(/^2 prefixes of afi 1 safi 1 from 10\.0\.1\.0\/24 via 2001:db8::1: /);
    const framer = new Framer();
    const sent = t.written.flatMap((b) => framer.push(b)).map((m) => decodeMessage(m, DEFAULT_CONTEXT) as UpdateMessage);
    expect(sent.flatMap((m) => m.announced.flatMap((a) => a.prefixes))).toEqual(['10.0.0.0/24', '10.0.3.0/24']);
  });
});
