/**
 * VPLS NLRI on the wire (RFC 4761 §3.2.2), each after its RFC 7911 path id when ADD-PATH is on:
 *
 *   Length (2) = 17 | RD (8) | VE ID (2) | VE Block Offset (2) | VE Block Size (2) | Label Base (3)
 *
 * The label base is a 20-bit label in the top bits of its 3 octets; the bottom-of-stack bit is sent
 * set (RFC 3032 §2.1, as ExaBGP and GoBGP send it) and ignored on receipt.
 *
 * Malformed NLRI never throw: the NLRI before it are kept and the run says what went wrong
 * (RFC 7606 §5.3 treat-as-withdraw, as for the labeled families). A Length other than 17 cannot be
 * trusted to find the next NLRI, so the walk stops there.
 */
import type { Writer } from '../../wire/writer';
import { decodeRouteDistinguisher, encodeRouteDistinguisher, RD_LENGTH } from '../route-distinguisher';
import type { ValueRun } from '../value-list';
import { VPLS_LENGTH, type VplsNlri } from './types';

type VplsRun = ValueRun<VplsNlri>;

export function decodeVplsField(buf: Buffer, start: number, end: number, addPath: boolean): VplsRun {
  const values: VplsNlri[] = [];
  const pathIds: number[] | undefined = addPath ? [] : undefined;
  const fail = (at: number, why: string): VplsRun => ({ values, pathIds: values.length && pathIds ? pathIds.slice(0, values.length) : undefined, error: `at offset ${at - start}: ${why}` });
  let at = start;
  while (at < end) {
    const nlriStart = at;
    if (pathIds) {
      if (at + 4 > end) return fail(nlriStart, 'ADD-PATH identifier runs past the end of the field');
      pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
      at += 4;
    }
    if (at + 2 > end) return fail(nlriStart, 'no room for the 2-octet Length');
    const length = (buf[at] << 8) | buf[at + 1];
    if (length !== VPLS_LENGTH) return fail(nlriStart, `Length ${length}, RFC 4761 §3.2.2 says ${VPLS_LENGTH}`);
    at += 2;
    if (at + VPLS_LENGTH > end) return fail(nlriStart, `the NLRI runs past the end of the field`);
    const rd = decodeRouteDistinguisher(buf, at);
    at += RD_LENGTH;
    values.push({
      rd,
      endpoint: (buf[at] << 8) | buf[at + 1],
      offset: (buf[at + 2] << 8) | buf[at + 3],
      size: (buf[at + 4] << 8) | buf[at + 5],
      base: ((buf[at + 6] << 16) | (buf[at + 7] << 8) | buf[at + 8]) >>> 4,
    });
    at += 9;
  }
  return values.length && pathIds ? { values, pathIds } : { values };
}

export function encodeVpls(w: Writer, value: VplsNlri): void {
  w.u16(VPLS_LENGTH);
  encodeRouteDistinguisher(w, value.rd);
  w.u16(value.endpoint).u16(value.offset).u16(value.size);
  const label = (value.base << 4) | 1;
  w.u8((label >>> 16) & 0xff).u8((label >>> 8) & 0xff).u8(label & 0xff);
}
