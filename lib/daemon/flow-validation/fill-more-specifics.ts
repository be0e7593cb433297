/**
 * A destination seen for the first time learns the unicast routes already held under it (RFC 8955
 * §6 rule c); from then on route changes keep it current (flow-validator.ts). Whichever costs less:
 * every prefix under it looked up in the Adj-RIBs-In (2 × 2^(bits left) lookups: none for an IPv4
 * /32, 510 for a /24), or one pass over the neighbors' routes of the family (shared by all the
 * destinations that appear together), so a rule costs at most min(2^(bits left + 1), routes held).
 */
import type { Destination } from './destination-index';
import { bitsPrefix, maxBits, prefixBits } from './prefix-bits';
import { neighboringAs, type ValidationPeer } from './validation-peer';

export function fillMoreSpecifics<R, P extends ValidationPeer>(space: number, created: readonly Destination<R, P>[], peers: Iterable<P>): void {
  if (created.length === 0) return;
  const afi = space >> 8;
  const safi = space & 255;
  const max = maxBits(afi);
  const wide = new Map<string, Destination<R, P>>();
  const peerList = [...peers].filter((p) => p.ribIn.familySize(afi, safi) > 0);
  if (peerList.length === 0) return;
  const routes = peerList.reduce((n, p) => n + p.ribIn.familySize(afi, safi), 0);
  for (const d of created) {
    const depth = max - d.bits.length;
    // 2^(depth + 1) - 2 prefixes under it, each looked up in every neighbor's table.
    if (depth >= 40 || 2 ** (depth + 1) * peerList.length > routes) {
      wide.set(d.bits, d);
      continue;
    }
    for (const bits of under(d.bits, max)) {
      const prefix = bitsPrefix(afi, bits);
      for (const peer of peerList) {
        const entry = peer.ribIn.get(afi, safi, prefix);
        if (entry) d.moreSpecifics.set(peer, bits, neighboringAs(peer, entry.attributes.asPath));
      }
    }
  }
  if (wide.size === 0) return;
  const lengths = [...new Set([...wide.keys()].map((b) => b.length))];
  for (const peer of peerList) {
    for (const [key, entry] of peer.ribIn.familyEntries(afi, safi)) {
      if (key.includes('#')) continue; // ADD-PATH routes are not looked at (best-unicast.ts finds none either)
      const route = prefixBits(key);
      if (!route) continue;
      for (const length of lengths) {
        if (length >= route.bits.length) continue;
        const d = wide.get(route.bits.slice(0, length));
        if (d) d.moreSpecifics.set(peer, route.bits, neighboringAs(peer, entry.attributes.asPath));
      }
    }
  }
}

/** Every prefix strictly under `bits`, up to `max` bits long. */
function* under(bits: string, max: number): IterableIterator<string> {
  if (bits.length >= max) return;
  for (const b of ['0', '1']) {
    yield bits + b;
    yield* under(bits + b, max);
  }
}
