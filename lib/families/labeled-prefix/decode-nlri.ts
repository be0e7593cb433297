/**
 * One NLRI field of a labeled family read in one pass (RFC 7911 path ids included):
 *
 *   [Path Identifier (4), RFC 7911] Length (1, in bits) | Label stack (3 each) | [RD (8)] | Prefix
 *
 * RFC 8277 §2: the length counts the labels, the RD (RFC 4364 §4.3.4) and the prefix bits. The
 * stack ends at the entry with the bottom-of-stack bit (RFC 3032 §2.1), or at 0x800000 / 0x000000,
 * the labels a withdrawal carries (RFC 8277 §2.4, RFC 3107 §3), as ExaBGP reads them.
 *
 * Malformed NLRI (a length that runs past the field, a stack that never reaches its bottom within
 * the length, a prefix longer than the address) never throw: the NLRI before it are kept and the
 * run says what went wrong (RFC 7606 §5.3 treat-as-withdraw, as for FlowSpec): once one length
 * cannot be trusted, nothing after it can be found, so the walk stops there.
 */
import { formatPrefix } from '../../wire/address';
import { decodeRouteDistinguisher, RD_LENGTH } from '../route-distinguisher';
import { WITHDRAW_LABEL, ZERO_LABEL, type LabeledFamily, type LabeledPrefix } from './types';

export interface LabeledRun {
  readonly values: LabeledPrefix[];
  readonly pathIds?: number[];
  /** What was malformed and where (offset from the field's start), when something was. */
  readonly error?: string;
}

const scratch = Buffer.alloc(16);

export function decodeLabeledNlri(buf: Buffer, start: number, end: number, family: LabeledFamily, addPath: boolean): LabeledRun {
  const values: LabeledPrefix[] = [];
  const pathIds: number[] | undefined = addPath ? [] : undefined;
  const rdBits = family.safi === 128 ? RD_LENGTH * 8 : 0;
  const maxBits = family.afi === 1 ? 32 : 128;
  const fail = (at: number, why: string): LabeledRun => ({ values, pathIds: values.length && pathIds ? pathIds : undefined, error: `at offset ${at - start}: ${why}` });
  let at = start;
  while (at < end) {
    const nlriStart = at;
    if (pathIds) {
      if (at + 4 > end) return fail(nlriStart, 'ADD-PATH identifier runs past the end of the field');
      pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
      at += 4;
      if (at >= end) return fail(nlriStart, 'no length after the ADD-PATH identifier');
    }
    const length = buf[at++];
    let bits = length;
    if (at + ((bits + 7) >> 3) > end) return fail(nlriStart, `length ${length} bits runs past the end of the field`);
    const stack: number[] = [];
    for (;;) {
      if (bits - rdBits < 24) return fail(nlriStart, stack.length ? 'the label stack has no bottom-of-stack entry within the length' : `length ${length} bits leaves no room for a label`);
      const entry = (buf[at] << 16) | (buf[at + 1] << 8) | buf[at + 2];
      stack.push(entry);
      at += 3;
      bits -= 24;
      if (entry & 1 || entry === WITHDRAW_LABEL || entry === ZERO_LABEL) break;
    }
    let rd;
    if (rdBits) {
      rd = decodeRouteDistinguisher(buf, at);
      at += RD_LENGTH;
      bits -= rdBits;
    }
    if (bits > maxBits) return fail(nlriStart, `prefix length ${bits} > ${maxBits}`);
    const octets = (bits + 7) >> 3;
    scratch.fill(0);
    buf.copy(scratch, 0, at, at + octets);
    // RFC 4271 §4.3: trailing bits past the length are irrelevant.
    if (bits & 7) scratch[octets - 1] &= (0xff << (8 - (bits & 7))) & 0xff;
    at += octets;
    const prefix = formatPrefix(family.afi, bits, family.afi === 1 ? scratch.subarray(0, 4) : scratch);
    values.push(rd ? { prefix, stack, rd } : { prefix, stack });
  }
  return values.length && pathIds ? { values, pathIds } : { values };
}
