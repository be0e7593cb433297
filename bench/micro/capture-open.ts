/**
 * The OPEN the capture peer answers BIRD with, built with rxbgp's own codec: 4-octet AS
 * (RFC 6793), multiprotocol IPv4 unicast (RFC 4760) and route refresh (RFC 2918), hold time 90.
 */
import { AS_TRANS, Afi, BGP_VERSION, Safi } from '../../lib/wire/iana';
import { encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type OpenMessage } from '../../lib/wire/types';

/** Seconds; BIRD takes the smaller of both (RFC 4271 §4.2), so keepalives every 30 s keep it up. */
export const CAPTURE_HOLD_TIME = 90;

export interface CaptureSpeaker {
  readonly asn: number;
  /** BGP Identifier, dotted quad. */
  readonly routerId: string;
}

/** The families the OPEN offers (RFC 4760 multiprotocol capabilities): IPv4 unicast unless told. */
export type CaptureFamilies = ReadonlyArray<{ readonly afi: Afi; readonly safi: Safi }>;

const IPV4_UNICAST_ONLY: CaptureFamilies = [{ afi: Afi.IPV4, safi: Safi.UNICAST }];

export function captureOpenMessage(speaker: CaptureSpeaker, families: CaptureFamilies = IPV4_UNICAST_ONLY): OpenMessage {
  return {
    type: 'open',
    version: BGP_VERSION,
    // RFC 6793 §4.1: My Autonomous System carries AS_TRANS when the AS needs 4 octets.
    myAs: speaker.asn > 0xffff ? AS_TRANS : speaker.asn,
    holdTime: CAPTURE_HOLD_TIME,
    bgpId: speaker.routerId,
    capabilities: [
      ...families.map((f) => ({ kind: 'multiprotocol' as const, afi: f.afi, safi: f.safi })),
      { kind: 'route-refresh' },
      { kind: 'asn4', asn: speaker.asn },
    ],
  };
}

/** The whole OPEN message, header included. */
export function captureOpen(speaker: CaptureSpeaker, families?: CaptureFamilies): Buffer {
  return encodeMessage(captureOpenMessage(speaker, families), DEFAULT_CONTEXT);
}
