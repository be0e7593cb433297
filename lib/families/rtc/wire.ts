/**
 * RTC NLRI on the wire (RFC 4684 §4), each after its RFC 7911 path id when ADD-PATH is on:
 *
 *   Length (1, in bits: 0 or 32..96) | Origin AS (4) | Route Target (8), only the octets the length covers
 *
 * Bits past the length are ignored on receipt (RFC 4271 §4.3, as for prefixes) and sent as zero.
 * Malformed NLRI never throw: the NLRI before it are kept and the run says what went wrong (RFC 7606
 * §5.3 treat-as-withdraw). A length of 1..31 (a partial origin AS) or above 96 is malformed.
 */
import type { Writer } from '../../wire/writer';
import type { ValueRun } from '../value-list';
import { maskRouteTarget, ORIGIN_BITS, RTC_FULL_BITS, type RtcNlri } from './types';

type RtcRun = ValueRun<RtcNlri>;

const DEFAULT_ROUTE: RtcNlri = Object.freeze({ bits: 0, origin: 0, rt: 0n });

export function decodeRtcField(buf: Buffer, start: number, end: number, addPath: boolean): RtcRun {
  const values: RtcNlri[] = [];
  const pathIds: number[] | undefined = addPath ? [] : undefined;
  const fail = (at: number, why: string): RtcRun => ({ values, pathIds: values.length && pathIds ? pathIds.slice(0, values.length) : undefined, error: `at offset ${at - start}: ${why}` });
  let at = start;
  while (at < end) {
    const nlriStart = at;
    if (pathIds) {
      if (at + 5 > end) return fail(nlriStart, 'ADD-PATH identifier runs past the end of the field');
      pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
      at += 4;
    }
    const bits = buf[at++];
    if (bits === 0) {
      values.push(DEFAULT_ROUTE);
      continue;
    }
    if (bits < ORIGIN_BITS || bits > RTC_FULL_BITS) return fail(nlriStart, `prefix length ${bits}, RFC 4684 §4 allows 0 or 32..96`);
    const octets = (bits + 7) >> 3;
    if (at + octets > end) return fail(nlriStart, `length ${bits} bits runs past the end of the field`);
    const origin = ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
    let rt = 0n;
    for (let i = 0; i < 8; i++) rt = (rt << 8n) | BigInt(4 + i < octets ? buf[at + 4 + i] : 0);
    values.push({ bits, origin, rt: maskRouteTarget(rt, bits - ORIGIN_BITS) });
    at += octets;
  }
  return values.length && pathIds ? { values, pathIds } : { values };
}

export function encodeRtc(w: Writer, value: RtcNlri): void {
  w.u8(value.bits);
  if (value.bits === 0) return;
  const octets = (value.bits + 7) >> 3;
  w.u32(value.origin);
  for (let i = 0; i < octets - 4; i++) w.u8(Number((value.rt >> BigInt(56 - 8 * i)) & 0xffn));
}
