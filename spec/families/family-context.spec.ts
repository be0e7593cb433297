/** The library's decodeHexMessage knows every registered family (a FlowSpec UPDATE decodes, not "discard"). */
import { decodeHexMessage } from '../../lib';

const FLOW_UPDATE = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0046020000002F4001010040020602010000FDE8800E1400018500000E0120CB00710A038111060135817BC010088006000000000000';

describe('decodeHexMessage (library)', () => {
  it('decodes a FlowSpec UPDATE with the families rxbgp carries', () => {
    const m = decodeHexMessage(FLOW_UPDATE);
    if (m.type !== 'update') throw new Error(m.type);
    expect(m.announced.map((l) => [l.afi, l.safi, l.prefixes])).toEqual([[1, 133, ['flow destination-ipv4 203.0.113.10/32 protocol =udp source-port [ =53 =123 ]']]]);
  });
});
