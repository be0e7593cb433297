/**
 * The best-match unicast route of RFC 8955 §6 rule b: the longest prefix covering a rule's
 * destination among the unicast routes every neighbor holds (their Adj-RIBs-In, after import
 * policies), found by looking up each covering prefix from the destination's length down (at
 * most 33 or 129 exact lookups per neighbor, no copy of the table). When several neighbors hold
 * that prefix, a short BGP decision (RFC 4271 §9.1.2.2, simplified) picks one: higher LOCAL_PREF
 * (100 when absent), shorter AS_PATH, lower ORIGIN, lower MED (0 when absent, compared whatever the
 * neighboring AS), eBGP over iBGP, lower peer address.
 */
import type { RibEntry } from '../../rib/adj-rib-in';
import { parseIp } from '../../wire/address';
import { bitsPrefix } from './prefix-bits';
import { asPathLength, isEbgp, type ValidationPeer } from './validation-peer';

export interface UnicastRoute<P extends ValidationPeer = ValidationPeer> {
  readonly peer: P;
  readonly prefix: string;
  readonly entry: RibEntry;
}

/** The best-match route for `bits` among `peers`' routes of (afi, safi), or undefined when none covers it. */
export function bestUnicast<P extends ValidationPeer>(peers: Iterable<P>, afi: number, safi: number, bits: string): UnicastRoute<P> | undefined {
  const list = [...peers];
  for (let length = bits.length; length >= 0; length--) {
    const prefix = bitsPrefix(afi, bits.slice(0, length));
    let best: UnicastRoute<P> | undefined;
    for (const peer of list) {
      const entry = peer.ribIn.get(afi, safi, prefix);
      if (entry && (!best || better({ peer, prefix, entry }, best))) best = { peer, prefix, entry };
    }
    if (best) return best;
  }
  return undefined;
}

/** Whether route `a` wins over route `b` for the same prefix (the order above). */
export function better(a: UnicastRoute, b: UnicastRoute): boolean {
  const x = a.entry.attributes;
  const y = b.entry.attributes;
  const pref = (x.localPref ?? 100) - (y.localPref ?? 100);
  if (pref) return pref > 0;
  const path = asPathLength(x.asPath) - asPathLength(y.asPath);
  if (path) return path < 0;
  const origin = (x.origin ?? 2) - (y.origin ?? 2);
  if (origin) return origin < 0;
  const med = (x.med ?? 0) - (y.med ?? 0);
  if (med) return med < 0;
  const ebgp = Number(isEbgp(a.peer)) - Number(isEbgp(b.peer));
  if (ebgp) return ebgp > 0;
  return compareAddress(a.peer.endpoint.peerAddress, b.peer.endpoint.peerAddress) < 0;
}

function compareAddress(a: string, b: string): number {
  const x = parseIp(a);
  const y = parseIp(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  if (x.length !== y.length) return x.length - y.length;
  return Buffer.compare(x, y);
}
