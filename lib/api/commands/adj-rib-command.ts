/**
 * `flush adj-rib out` (resend every route of the Adj-RIB-Out) and `clear adj-rib [in|out]` (forget the
 * Adj-RIB-In, or withdraw the whole Adj-RIB-Out), ExaBGP reactor/api/command/rib.py. As in ExaBGP,
 * `clear adj-rib` without a direction clears the Adj-RIB-Out; `both` clears the two.
 */
import type { Cursor } from './cursor';
import type { Command, NeighborSelector } from './types';

export function parseFlushCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  if (cursor.next('adj-rib') !== 'adj-rib') cursor.fail('expected flush adj-rib out');
  if (cursor.next('out') !== 'out') cursor.fail('expected flush adj-rib out');
  cursor.expectEnd('flush adj-rib out');
  return selectors ? { kind: 'flush-adj-rib-out', selectors } : { kind: 'flush-adj-rib-out' };
}

export function parseClearCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  if (cursor.next('adj-rib') !== 'adj-rib') cursor.fail('expected clear adj-rib [in|out|both]');
  let direction: 'in' | 'out' | 'both' = 'out';
  if (!cursor.atEnd()) {
    const word = cursor.next('in, out or both');
    if (word !== 'in' && word !== 'out' && word !== 'both') cursor.fail('expected clear adj-rib in, out or both');
    direction = word;
  }
  cursor.expectEnd('clear adj-rib');
  return selectors ? { kind: 'clear-adj-rib', direction, selectors } : { kind: 'clear-adj-rib', direction };
}
