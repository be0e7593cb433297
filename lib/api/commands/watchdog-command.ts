/**
 * `announce watchdog <name>` / `withdraw watchdog <name>` (ExaBGP reactor/api/command/watchdog.py):
 * re-announce or withdraw every route tagged `watchdog <name>`. Without a name ExaBGP uses the name of
 * the process that sent the command, passed here as `processName`.
 */
import type { Cursor } from './cursor';
import type { Command, NeighborSelector } from './types';

export function parseWatchdogCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  processName: string | undefined,
): Command {
  const name = cursor.atEnd() ? processName : cursor.next('a watchdog name');
  if (name === undefined) cursor.failAtEnd('expected a watchdog name');
  cursor.expectEnd('the watchdog name');
  const kind = announce ? 'announce-watchdog' : 'withdraw-watchdog';
  return selectors ? { kind, selectors, name } : { kind, name };
}
