/**
 * ROUTE-REFRESH (RFC 2918 §3): AFI (2 octets), Reserved (1), SAFI (1). RFC 7313 §3.2 turns the
 * Reserved octet into the Message Subtype: 0 normal request, 1 BoRR, 2 EoRR; a speaker ignores
 * other subtypes (the FSM does, the codec keeps the value).
 */
import { BgpError } from './errors';
import { badMessageLength } from './header';
import { ErrorCode, HEADER_LENGTH, RouteRefreshSubcode, RouteRefreshSubtype } from './iana';
import type { RouteRefreshMessage } from './types';
import type { Writer } from './writer';

/** AFI, subtype, SAFI. */
export const ROUTE_REFRESH_BODY_LENGTH = 4;

/**
 * The error for a ROUTE-REFRESH whose length is not 23, given the whole message.
 * RFC 7313 §5: for subtypes 1 and 2 it is ROUTE-REFRESH Message Error / Invalid Message Length,
 * with the complete message as data. For a plain RFC 2918 request (subtype 0; longer ones would
 * carry RFC 5291 ORF entries, a capability we never advertise), for unknown subtypes and for a
 * message too short to hold a subtype, RFC 7313 says nothing: RFC 4271 §6.1 Bad Message Length.
 */
export function routeRefreshLengthError(message: Buffer): BgpError {
  const subtypeAt = HEADER_LENGTH + 2;
  const subtype = message.length > subtypeAt ? message[subtypeAt] : -1;
  if (subtype === RouteRefreshSubtype.BORR || subtype === RouteRefreshSubtype.EORR) {
    return new BgpError(
      ErrorCode.ROUTE_REFRESH,
      RouteRefreshSubcode.INVALID_MESSAGE_LENGTH,
      Buffer.from(message),
      `ROUTE-REFRESH of ${message.length} octets`,
    );
  }
  return badMessageLength(message.length, 'ROUTE-REFRESH length is not 23');
}

/**
 * Decodes a ROUTE-REFRESH body in buf[start, end), which follows its 19-octet header in `buf`
 * (the header is part of the error data when the length is wrong).
 */
export function decodeRouteRefresh(buf: Buffer, start: number, end: number): RouteRefreshMessage {
  if (end - start !== ROUTE_REFRESH_BODY_LENGTH) {
    throw routeRefreshLengthError(buf.subarray(Math.max(0, start - HEADER_LENGTH), end));
  }
  return {
    type: 'route-refresh',
    afi: (buf[start] << 8) | buf[start + 1],
    subtype: buf[start + 2],
    safi: buf[start + 3],
  };
}

export function encodeRouteRefreshBody(w: Writer, msg: RouteRefreshMessage): void {
  w.u16(msg.afi).u8(msg.subtype).u8(msg.safi);
}
