/**
 * The length field in front of each FlowSpec NLRI (RFC 8955 §4.1): one octet when the NLRI is
 * shorter than 240 (0xf0) octets, else two octets whose top nibble is 0xf, so at most 4095.
 */
import type { Writer } from '../../wire/writer';

/** Longest NLRI value the two-octet form can say (0xfff). */
export const MAX_FLOW_NLRI_LENGTH = 0x0fff;
/** From this length on, the two-octet form is required. */
export const EXTENDED_LENGTH_FROM = 0xf0;

/**
 * The NLRI value length announced by the field at `at`, or -1 when the field itself runs past
 * `end`. The field is 2 octets when buf[at] >= 0xf0 (lengthFieldSizeAt), else 1.
 */
export function flowNlriLengthAt(buf: Buffer, at: number, end: number): number {
  if (at >= end) return -1;
  const first = buf[at];
  if (first < EXTENDED_LENGTH_FROM) return first;
  if (at + 2 > end) return -1;
  // The two-octet form may also carry a length below 240; the RFC only says when it is needed.
  return ((first & 0x0f) << 8) | buf[at + 1];
}

/** Octets of the length field starting at `at` (the caller has checked it is there). */
export function lengthFieldSizeAt(buf: Buffer, at: number): 1 | 2 {
  return buf[at] < EXTENDED_LENGTH_FROM ? 1 : 2;
}

/** Reserves one octet for the length of the NLRI about to be written; returns its position for endFlowNlri. */
export function beginFlowNlri(w: Writer): number {
  return w.reserve(1);
}

/**
 * Writes the length of everything written since beginFlowNlri, growing the field to two octets
 * when it is 240 or more. Throws when the value is longer than 4095 octets: such a rule cannot
 * be sent.
 */
export function endFlowNlri(w: Writer, lengthAt: number): void {
  const length = w.pos - lengthAt - 1;
  if (length < EXTENDED_LENGTH_FROM) {
    w.patch(lengthAt, 1, length);
    return;
  }
  if (length > MAX_FLOW_NLRI_LENGTH) {
    throw new Error(`a FlowSpec NLRI of ${length} octets is longer than the 4095 its length field can say (RFC 8955 §4.1)`);
  }
  w.shift(lengthAt + 1, 1);
  w.patch(lengthAt, 2, 0xf000 | length);
}
