import { AS_TRANS } from '../../../lib/wire/iana';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { CAPTURE_HOLD_TIME, captureOpen } from '../../../bench/micro/capture-open';

describe('captureOpen', () => {
  it('is an OPEN with 4-octet AS, IPv4 unicast, route refresh and hold time 90', () => {
    const open = decodeMessage(captureOpen({ asn: 65102, routerId: '192.0.2.102' }), DEFAULT_CONTEXT);
    expect(open).toEqual({
      type: 'open',
      version: 4,
      myAs: 65102,
      holdTime: CAPTURE_HOLD_TIME,
      bgpId: '192.0.2.102',
      capabilities: [{ kind: 'multiprotocol', afi: 1, safi: 1 }, { kind: 'route-refresh' }, { kind: 'asn4', asn: 65102 }],
    });
    expect(CAPTURE_HOLD_TIME).toBe(90);
  });

  it('puts AS_TRANS in My Autonomous System for an AS above 65535 (RFC 6793)', () => {
    const open = decodeMessage(captureOpen({ asn: 4200000001, routerId: '192.0.2.1' }), DEFAULT_CONTEXT);
    expect(open).toMatchObject({ myAs: AS_TRANS, capabilities: expect.arrayContaining([{ kind: 'asn4', asn: 4200000001 }]) });
  });

  it('offers the families it is given instead of IPv4 unicast (the flow peer: IPv4 FlowSpec, RFC 8955)', () => {
    const open = decodeMessage(captureOpen({ asn: 65222, routerId: '192.0.2.222' }, [{ afi: 1, safi: 133 }]), DEFAULT_CONTEXT);
    expect(open).toMatchObject({ capabilities: [{ kind: 'multiprotocol', afi: 1, safi: 133 }, { kind: 'route-refresh' }, { kind: 'asn4', asn: 65222 }] });
  });
});
