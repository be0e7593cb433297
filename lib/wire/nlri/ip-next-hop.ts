/**
 * The "Network Address of Next Hop" of MP_REACH_NLRI for plain IP families (RFC 4760 §3):
 * 4 octets for IPv4; 16 for an IPv6 global address, or 32 for global + link-local
 * (RFC 2545 §3). IPv4 NLRI may also carry an IPv6 next hop (RFC 8950), so the accepted
 * lengths are chosen per family.
 */
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from '../address';
import type { Writer } from '../writer';

export type NextHopLength = 4 | 16 | 32;

/** Next hop text(s) of buf[start, end) when its length is one of `accepted`, else undefined. */
export function decodeIpNextHop(
  buf: Buffer,
  start: number,
  end: number,
  accepted: readonly NextHopLength[],
): string[] | undefined {
  const length = end - start;
  if (!(accepted as readonly number[]).includes(length)) return undefined;
  if (length === 4) return [formatIpv4(buf, start)];
  if (length === 16) return [formatIpv6(buf, start)];
  return [formatIpv6(buf, start), formatIpv6(buf, start + 16)];
}

/**
 * Writes one IPv4 address, or one or two IPv6 addresses (global, then link-local), checking
 * that the resulting length is one of `accepted`. Throws a plain Error otherwise: a route
 * with an unusable next hop is a configuration bug, not something to put on the wire.
 */
export function encodeIpNextHop(w: Writer, nextHop: readonly string[], accepted: readonly NextHopLength[]): void {
  if (nextHop.length === 1) {
    const v4 = parseIpv4(nextHop[0]);
    if (v4 !== undefined) {
      if (!accepted.includes(4)) throw new Error(`an IPv4 next hop (${nextHop[0]}) is not valid for this family`);
      w.u32(v4);
      return;
    }
  }
  if (nextHop.length < 1 || nextHop.length > 2) throw new Error(`expected 1 or 2 next hops, got ${nextHop.length}`);
  const length = nextHop.length === 1 ? 16 : 32;
  if (!accepted.includes(length)) throw new Error(`a ${length}-octet next hop is not valid for this family`);
  for (const text of nextHop) {
    const v6 = parseIpv6(text);
    if (!v6) throw new Error(`next hop "${text}" is not an IPv6 address`);
    w.bytes(v6);
  }
}
