import { keepaliveText, messageText, notificationTextLine, openText, refreshText } from '../../../lib/api/exabgp-text';

const N = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

describe('ExaBGP text events for OPEN, NOTIFICATION, KEEPALIVE and ROUTE-REFRESH', () => {
  it('writes a NOTIFICATION with its data in upper-case hex', () => {
    const msg = { type: 'notification', code: 2, subcode: 2, data: Buffer.from([0xfd, 0xe9]) } as const;
    expect(notificationTextLine(N, msg, 'receive')).toBe('neighbor 127.0.0.2 receive notification code 2 subcode 2 data 0xFDE9');
    expect(messageText(N, { ...msg, data: Buffer.alloc(0) }, 'send')).toBe('neighbor 127.0.0.2 send notification code 2 subcode 2 data 0x');
  });

  it('writes a received administrative shutdown as the text ExaBGP makes of it (RFC 8203)', () => {
    const msg = { type: 'notification', code: 6, subcode: 2, data: Buffer.concat([Buffer.from([3]), Buffer.from('bye')]) } as const;
    const hex = Buffer.from('Shutdown Communication: "bye"').toString('hex').toUpperCase();
    expect(notificationTextLine(N, msg, 'receive')).toBe(`neighbor 127.0.0.2 receive notification code 6 subcode 2 data 0x${hex}`);
  });

  it('writes KEEPALIVE and ROUTE-REFRESH', () => {
    expect(keepaliveText(N, 'send')).toBe('neighbor 127.0.0.2 send keepalive');
    expect(refreshText(N, { type: 'route-refresh', afi: 2, safi: 1, subtype: 7 }, 'receive')).toBe(
      'neighbor 127.0.0.2 receive route-refresh afi ipv6 safi unicast invalid',
    );
  });

  it('writes OPEN capabilities sorted by code and in lower case', () => {
    const open = {
      type: 'open',
      version: 4,
      myAs: 65002,
      holdTime: 90,
      bgpId: '192.0.2.2',
      capabilities: [
        { kind: 'asn4', asn: 65002 },
        { kind: 'multiprotocol', afi: 2, safi: 1 },
        { kind: 'graceful-restart', flags: 0, restartTime: 120, families: [] },
        { kind: 'multiprotocol', afi: 1, safi: 1 },
      ],
    } as const;
    expect(openText(N, open, 'receive')).toBe(
      'neighbor 127.0.0.2 receive open version 4 asn 65002 hold_time 90 router_id 192.0.2.2 ' +
        'capabilities [multiprotocol(ipv6 unicast,ipv4 unicast), graceful restart flags 0x0 time 120 , asn4(65002)]',
    );
  });
});
