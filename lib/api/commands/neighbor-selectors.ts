/**
 * Neighbor selectors in front of a command (ExaBGP reactor/api/command/limit.py extract_neighbors):
 * `neighbor <ip|*> [local-ip <ip>] [local-as <asn>] [peer-as <asn>] [router-id <id>] [family-allowed <f>]`,
 * several joined by `,`: `neighbor 192.0.2.1 , neighbor 192.0.2.2 local-as 65000 announce route ...`.
 */
import { canonicalIp, canonicalIpv4 } from './address-text';
import type { Cursor } from './cursor';
import { parseUint, U32_MAX } from './number-text';
import type { NeighborSelector } from './types';

type MutableSelector = { -readonly [K in keyof NeighborSelector]: NeighborSelector[K] };

/** Reads the selectors starting at the word `neighbor`; stops at the first word that is not a filter. */
export function parseNeighborSelectors(cursor: Cursor): NeighborSelector[] {
  const selectors: NeighborSelector[] = [];
  for (;;) {
    if (cursor.next('neighbor') !== 'neighbor') cursor.fail('expected neighbor <address> after ,');
    const address = cursor.next('a neighbor address or *');
    let selector: MutableSelector;
    if (address === '*') selector = { address };
    else {
      const ip = canonicalIp(address);
      if (ip === undefined) cursor.fail('neighbor must be followed by an IP address or *');
      selector = { address: ip.text };
    }
    for (;;) {
      const key = cursor.peek();
      if (key === 'local-ip') {
        cursor.index++;
        const ip = canonicalIp(cursor.next('a local-ip address'));
        if (ip === undefined) cursor.fail('local-ip must be an IP address');
        selector.localIp = ip.text;
      } else if (key === 'local-as' || key === 'peer-as') {
        cursor.index++;
        const asn = parseUint(cursor.next(`a ${key} number`), U32_MAX);
        if (asn === undefined) cursor.fail(`${key} must be an AS number 0..4294967295`);
        if (key === 'local-as') selector.localAs = asn;
        else selector.peerAs = asn;
      } else if (key === 'router-id') {
        cursor.index++;
        const id = canonicalIpv4(cursor.next('a router-id'));
        if (id === undefined) cursor.fail('router-id must be an IPv4 address');
        selector.routerId = id;
      } else if (key === 'family-allowed') {
        cursor.index++;
        selector.familyAllowed = cursor.next('a family-allowed value');
      } else break;
    }
    selectors.push(selector);
    if (!cursor.accept(',')) return selectors;
  }
}
