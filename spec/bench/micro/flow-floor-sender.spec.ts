/** The flow-latency floor's ready UPDATEs: one per rule, each carrying exactly rule i, as rxbgp sends it. */
import { floorUpdates } from '../../../bench/micro/flow-floor-sender';
import { flowVictim } from '../../../bench/gen/flow-rules';
import { familyContext } from '../../../lib/families/family-context';
import { Safi } from '../../../lib/wire/iana';
import { decodeMessage } from '../../../lib/wire/message';

describe('floorUpdates', () => {
  it('makes UPDATE i announcing rule i alone (its /32 victim), eBGP with our AS in the path', async () => {
    const updates = await floorUpdates({ local: { address: '127.0.0.221', asn: 65221, routerId: '192.0.2.221' }, peer: { address: '127.0.0.222', port: 17222, asn: 65222 }, n: 4 });
    expect(updates).toHaveLength(4);
    const codec = familyContext({ asn4: true, extendedMessage: false, addPath: new Set() });
    updates.forEach((bytes, i) => {
      const m = decodeMessage(bytes, codec);
      if (m.type !== 'update') throw new Error(`UPDATE ${i} decoded as ${m.type}`);
      const rules = m.announced.filter((l) => l.safi === Safi.FLOWSPEC).flatMap((l) => l.prefixes);
      expect(rules).toHaveLength(1);
      expect(rules[0]).toContain(flowVictim(i));
      expect(m.attributes.asPath).toEqual([{ type: 2, asns: [65221] }]);
    });
  });
});
