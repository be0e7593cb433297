/**
 * The operator octet of numeric and bitmask components (RFC 8955 §4.2.1):
 *
 *   numeric_op:  e | a | len(2) | 0 | lt | gt | eq      (§4.2.1.1)
 *   bitmask_op:  e | a | len(2) | 0 | 0  | not | m     (§4.2.1.2)
 *
 * e = end of list, a = AND with the previous pair (else OR), len = value size 1 << len octets.
 * Reserved bits "MUST be set to 0 on NLRI encoding and MUST be ignored during decoding".
 */
import type { BitmaskOp, NumericOp } from './types';
import { bitmaskOp, numericOp } from './interned';

export const OpBit = {
  END: 0x80,
  AND: 0x40,
  LENGTH: 0x30,
  LT: 0x04,
  GT: 0x02,
  EQ: 0x01,
  NOT: 0x02,
  MATCH: 0x01,
} as const;

/** Octets of a value field: 1 << len (1, 2, 4 or 8). */
export function opValueLength(op: number): number {
  return 1 << ((op & OpBit.LENGTH) >> 4);
}

/** The len bits for the smallest field that holds `value` (values here fit 32 bits). */
export function lengthBitsFor(value: number): number {
  if (value <= 0xff) return 0x00;
  if (value <= 0xffff) return 0x10;
  return 0x20;
}

/** Octets of the smallest field that holds `value`. */
export function valueLengthFor(value: number): 1 | 2 | 4 {
  return value <= 0xff ? 1 : value <= 0xffff ? 2 : 4;
}

export function numericOpOf(op: number, value: number, first: boolean): NumericOp {
  // RFC 8955 §4.2.1.1: the AND bit of the first pair "MUST be ignored when received".
  return numericOp(!first && (op & OpBit.AND) !== 0, (op & OpBit.LT) !== 0, (op & OpBit.GT) !== 0, (op & OpBit.EQ) !== 0, value);
}

export function bitmaskOpOf(op: number, value: number, first: boolean): BitmaskOp {
  return bitmaskOp(!first && (op & OpBit.AND) !== 0, (op & OpBit.NOT) !== 0, (op & OpBit.MATCH) !== 0, value);
}

/** The comparison bits of a numeric pair (lt, gt, eq), without e, a or len. */
export function numericBits(op: NumericOp): number {
  return (op.lt ? OpBit.LT : 0) | (op.gt ? OpBit.GT : 0) | (op.eq ? OpBit.EQ : 0);
}

/** The test bits of a bitmask pair (not, m), without e, a or len. */
export function bitmaskBits(op: BitmaskOp): number {
  return (op.not ? OpBit.NOT : 0) | (op.match ? OpBit.MATCH : 0);
}
