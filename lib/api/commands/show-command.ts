/**
 * `show neighbor [<ip>] summary|extensive|configuration [json]` and `show adj-rib in|out [extensive] [<ip>]`
 * (ExaBGP reactor/api/command/neighbor.py and rib.py; the words after the subject may come in any
 * order, as ExaBGP looks them up by membership). The older `show adj-rib-in` / `show adj-rib-out` too.
 */
import { canonicalIp } from './address-text';
import type { Cursor } from './cursor';
import type { Command, NeighborSelector } from './types';

type NeighborMode = 'summary' | 'extensive' | 'configuration';

export function parseShowCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  const subject = cursor.next('neighbor or adj-rib');
  if (subject === 'neighbor') {
    if (selectors) cursor.fail('show neighbor takes the address after neighbor, not a selector before show');
    return parseShowNeighbor(cursor);
  }
  if (subject === 'adj-rib') {
    const direction = cursor.next('in or out');
    if (direction !== 'in' && direction !== 'out') cursor.fail('expected show adj-rib in or out');
    return parseShowAdjRib(cursor, direction, selectors);
  }
  if (subject === 'adj-rib-in' || subject === 'adj-rib-out') return parseShowAdjRib(cursor, subject === 'adj-rib-in' ? 'in' : 'out', selectors);
  return cursor.failUnknown('expected show neighbor or show adj-rib', ['neighbor', 'adj-rib']);
}

function parseShowNeighbor(cursor: Cursor): Command {
  let mode: NeighborMode | undefined;
  let json = false;
  let address: string | undefined;
  while (!cursor.atEnd()) {
    const word = cursor.next('a show neighbor option');
    if (word === 'summary' || word === 'extensive' || word === 'configuration') {
      if (mode !== undefined) cursor.fail('show neighbor takes one of summary, extensive or configuration');
      mode = word;
    } else if (word === 'json') json = true;
    else {
      const ip = canonicalIp(word);
      if (ip === undefined) cursor.failUnknown('expected a neighbor address, summary, extensive, configuration or json', ['summary', 'extensive', 'configuration', 'json']);
      if (address !== undefined) cursor.fail('expected a neighbor address, summary, extensive, configuration or json');
      address = ip.text;
    }
  }
  if (mode === undefined) cursor.failAtEnd('show neighbor needs summary, extensive or configuration');
  return address === undefined ? { kind: 'show-neighbor', mode, json } : { kind: 'show-neighbor', address, mode, json };
}

function parseShowAdjRib(cursor: Cursor, direction: 'in' | 'out', prefixSelectors: readonly NeighborSelector[] | undefined): Command {
  let extensive = false;
  let selectors = prefixSelectors;
  while (!cursor.atEnd()) {
    const word = cursor.next('extensive or a neighbor address');
    if (word === 'extensive') extensive = true;
    else {
      const ip = canonicalIp(word);
      if (ip === undefined || selectors !== undefined) cursor.fail('expected extensive or one neighbor address');
      selectors = [{ address: ip.text }];
    }
  }
  return selectors ? { kind: 'show-adj-rib', direction, extensive, selectors } : { kind: 'show-adj-rib', direction, extensive };
}
