/**
 * `[neighbor <ip>] teardown <subcode>`: close the session with a Cease NOTIFICATION of that subcode
 * (RFC 4486 §4; 2 Administrative Shutdown, 4 Administrative Reset ...).
 */
import type { Cursor } from './cursor';
import { parseUint } from './number-text';
import type { Command, NeighborSelector } from './types';

export function parseTeardownCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  const subcode = parseUint(cursor.next('a Cease subcode'), 255);
  if (subcode === undefined) cursor.fail('teardown needs a Cease subcode 0..255');
  cursor.expectEnd('teardown <subcode>');
  return selectors ? { kind: 'teardown', selectors, subcode } : { kind: 'teardown', subcode };
}
