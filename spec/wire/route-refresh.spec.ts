import fc from 'fast-check';
import { decodeRouteRefresh, encodeRouteRefreshBody, routeRefreshLengthError } from '../../lib/wire/route-refresh';
import type { RouteRefreshMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import { MARKER, hex, toHex } from '../helpers/hex';

function encode(msg: RouteRefreshMessage): Buffer {
  const w = new Writer(8);
  encodeRouteRefreshBody(w, msg);
  return w.toBuffer();
}

describe('ROUTE-REFRESH (RFC 2918, RFC 7313)', () => {
  it('carries AFI, the RFC 7313 subtype in the reserved octet, and SAFI', () => {
    const cases: Array<[Buffer, RouteRefreshMessage]> = [
      [hex`0001 00 01 # IPv4 unicast, normal request`, { type: 'route-refresh', afi: 1, safi: 1, subtype: 0 }],
      [hex`0002 01 01 # IPv6 unicast, BoRR`, { type: 'route-refresh', afi: 2, safi: 1, subtype: 1 }],
      [hex`0001 02 80 # VPNv4, EoRR`, { type: 'route-refresh', afi: 1, safi: 128, subtype: 2 }],
      [hex`0001 07 01 # unknown subtype: kept for the FSM to ignore`, { type: 'route-refresh', afi: 1, safi: 1, subtype: 7 }],
    ];
    for (const [body, msg] of cases) {
      const frame = Buffer.concat([hex`${MARKER} 0017 05`, body]);
      expect(decodeRouteRefresh(frame, 19, 23)).toEqual(msg);
      expect(toHex(encode(msg))).toBe(toHex(body));
    }
  });

  it('answers a BoRR/EoRR that is not 23 octets with 7/1 and the whole message (RFC 7313 §5)', () => {
    const long = hex`${MARKER} 0018 05 0001 01 01 00`;
    expect(() => decodeRouteRefresh(long, 19, 24)).toThrow(
      expect.objectContaining({ code: 7, subcode: 1, data: long }),
    );
    const short = hex`${MARKER} 0016 05 0001 02`;
    expect(routeRefreshLengthError(short)).toMatchObject({ code: 7, subcode: 1, data: short });
  });

  it('answers other wrong lengths with Bad Message Length (RFC 4271 §6.1)', () => {
    expect(routeRefreshLengthError(hex`${MARKER} 0018 05 0001 00 01 00`)).toMatchObject({
      code: 1,
      subcode: 2,
      data: hex`0018`,
    });
    expect(routeRefreshLengthError(hex`${MARKER} 0015 05 0001`)).toMatchObject({ code: 1, subcode: 2, data: hex`0015` });
  });

  it('copies the message into the error data', () => {
    const long = hex`${MARKER} 0018 05 0001 01 01 00`;
    const e = routeRefreshLengthError(long);
    long[19] = 0xee;
    expect(e.data[19]).toBe(0);
  });

  it('round-trips any AFI, SAFI and subtype (fast-check)', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), octet, octet, (afi, safi, subtype) => {
        const msg: RouteRefreshMessage = { type: 'route-refresh', afi, safi, subtype };
        const frame = Buffer.concat([hex`${MARKER} 0017 05`, encode(msg)]);
        expect(decodeRouteRefresh(frame, 19, 23)).toEqual(msg);
      }),
    );
  });
});
