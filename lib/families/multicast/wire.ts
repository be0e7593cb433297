/**
 * The NLRI codec of IP multicast (RFC 4760 §5: SAFI 2 NLRI are prefixes, encoded as unicast ones):
 * wire's own IPv4 / IPv6 prefix readers and writers, under SAFI 2, with RFC 7911 path ids.
 *
 * Unlike the unicast fields (the classic NLRI field, RFC 4271, stays a session reset), a malformed
 * multicast NLRI never throws: the prefixes before it are kept and the run says `malformed`, which
 * the UPDATE decoder turns into treat-as-withdraw (RFC 7606 §5.3, §2), as for the labeled families.
 */
import { Safi } from '../../wire/iana';
import type { NlriCodec, NlriRun } from '../../wire/nlri/nlri-codec';
import { ipv4Unicast } from '../../wire/nlri/ipv4-unicast';
import { ipv6Unicast } from '../../wire/nlri/ipv6-unicast';

/** A multicast codec over the unicast one of the same AFI: same prefixes, same next hops, SAFI 2. */
export function multicastWire(unicast: typeof ipv4Unicast | typeof ipv6Unicast, name: string): NlriCodec {
  const { decodeOne } = unicast;
  return {
    afi: unicast.afi,
    safi: Safi.MULTICAST,
    name,
    decodeField<T extends object>(target: T, buf: Buffer, start: number, end: number, addPath: boolean): T & NlriRun {
      const out = target as T & { prefixes: string[]; pathIds?: number[]; malformed?: string };
      const prefixes: string[] = [];
      const pathIds: number[] = [];
      out.prefixes = prefixes;
      let at = start;
      try {
        while (at < end) {
          if (addPath) {
            if (at + 5 > end) throw new Error('ADD-PATH identifier runs past the end of the field');
            pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
            at = decodeOne(buf, at + 4, end, prefixes);
          } else {
            at = decodeOne(buf, at, end, prefixes);
          }
        }
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        // The id of the prefix that did not parse goes with it.
        pathIds.length = prefixes.length;
        out.malformed = `malformed ${name} NLRI at offset ${at - start}: ${e.message}`;
      }
      if (addPath && prefixes.length > 0) out.pathIds = pathIds;
      return out;
    },
    count: (list) => list.prefixes.length,
    encodeRange: (w, list, addPath, from, to, limit) => unicast.encodeRange(w, list, addPath, from, to, limit),
    decodeNextHop: (buf, start, end) => unicast.decodeNextHop(buf, start, end),
    encodeNextHop: (w, nextHop) => unicast.encodeNextHop(w, nextHop),
  };
}
