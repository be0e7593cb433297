/**
 * Where a TABLE_DUMP_V2 RIB record's NLRI is and what it says (RFC 6396 §4.3.2, §4.3.3, RFC 8050
 * §4), for the reader (table-dump-v2.ts) and the writer (table-dump-v2-writer.ts): the subtypes,
 * the family of each fixed-family one, and the NLRI read by its family's codec.
 */
import type { AnyFamily } from '../families';
import { Afi, Safi } from '../wire/iana';
import type { NlriCodec, NlriRun } from '../wire/nlri/nlri-codec';

/** TABLE_DUMP_V2 subtypes (RFC 6396 §4.3; 8–12 RFC 8050 §4). */
export const Subtype = {
  PEER_INDEX_TABLE: 1,
  RIB_IPV4_UNICAST: 2,
  RIB_IPV4_MULTICAST: 3,
  RIB_IPV6_UNICAST: 4,
  RIB_IPV6_MULTICAST: 5,
  RIB_GENERIC: 6,
  RIB_IPV4_UNICAST_ADDPATH: 8,
  RIB_IPV4_MULTICAST_ADDPATH: 9,
  RIB_IPV6_UNICAST_ADDPATH: 10,
  RIB_IPV6_MULTICAST_ADDPATH: 11,
  RIB_GENERIC_ADDPATH: 12,
} as const;

/**
 * The AFI and SAFI of the fixed-family RIB subtypes (RFC 6396 §4.3.2; the ADDPATH twins RFC 8050
 * §4): their prefix is Prefix Length and the fewest octets, the RFC 4271 NLRI encoding, so the
 * family's own codec reads it. RIB_GENERIC (6, 12) names its family in the record (§4.3.3).
 */
export const PREFIX_SUBTYPES: Readonly<Record<number, { readonly afi: number; readonly safi: number; readonly addPath: boolean }>> = {
  [Subtype.RIB_IPV4_UNICAST]: { afi: Afi.IPV4, safi: Safi.UNICAST, addPath: false },
  [Subtype.RIB_IPV4_MULTICAST]: { afi: Afi.IPV4, safi: Safi.MULTICAST, addPath: false },
  [Subtype.RIB_IPV6_UNICAST]: { afi: Afi.IPV6, safi: Safi.UNICAST, addPath: false },
  [Subtype.RIB_IPV6_MULTICAST]: { afi: Afi.IPV6, safi: Safi.MULTICAST, addPath: false },
  [Subtype.RIB_IPV4_UNICAST_ADDPATH]: { afi: Afi.IPV4, safi: Safi.UNICAST, addPath: true },
  [Subtype.RIB_IPV4_MULTICAST_ADDPATH]: { afi: Afi.IPV4, safi: Safi.MULTICAST, addPath: true },
  [Subtype.RIB_IPV6_UNICAST_ADDPATH]: { afi: Afi.IPV6, safi: Safi.UNICAST, addPath: true },
  [Subtype.RIB_IPV6_MULTICAST_ADDPATH]: { afi: Afi.IPV6, safi: Safi.MULTICAST, addPath: true },
};

/** A §4.3.2 prefix (Prefix Length, then the fewest octets: the RFC 4271 encoding) at `at`, read by the family's codec. */
export function prefixNlri(family: AnyFamily, buf: Buffer, at: number, end: number, fail: (what: string) => Error): { readonly end: number; readonly prefix: string } {
  if (at >= end) throw fail('too short for sequence number and prefix length');
  const prefixEnd = at + 1 + ((buf[at] + 7) >> 3);
  if (prefixEnd > end) throw fail('prefix runs past the record');
  let run: NlriRun;
  try {
    run = family.wire.decodeField({}, buf, at, prefixEnd, false);
  } catch (e) {
    throw fail(`${family.name} prefix does not decode: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (run.malformed !== undefined || run.prefixes.length !== 1) throw fail(`${family.name} prefix does not decode: ${run.malformed ?? `${run.prefixes.length} NLRI`}`);
  return { end: prefixEnd, prefix: run.prefixes[0]! };
}

/**
 * RIB_GENERIC's one NLRI, decoded, and where it ends. The record does not give its length, and the
 * codec interface has no call for one NLRI's length; but every NLRI encoding is self-delimiting
 * (that is how an MP_REACH_NLRI field holds several), so the one end at which the bytes decode to
 * exactly one well-formed NLRI is it. The ends the usual length fields give are tried first, each
 * checked by that decode, so no family is assumed: a length in bits (RFC 4271 prefixes, RFC 8277
 * labeled, RFC 4364 VPN, RFC 4684 RTC), in octets (RFC 8955 FlowSpec, one or two octets), after a
 * type octet (EVPN, MVPN, MUP) or after a 2-octet type (BGP-LS). Then every end from the shortest.
 */
export function genericNlri(codec: NlriCodec, buf: Buffer, at: number, end: number, fail: (what: string) => Error): { readonly end: number; readonly prefix: string } {
  // The entry count (2 octets) follows the NLRI.
  const last = end - 2;
  const one = (nlriEnd: number): string | undefined => {
    if (!(nlriEnd > at && nlriEnd <= last)) return undefined;
    try {
      const run = codec.decodeField({}, buf, at, nlriEnd, false);
      return run.malformed === undefined && run.prefixes.length === 1 ? run.prefixes[0] : undefined;
    } catch {
      return undefined; // not this length
    }
  };
  if (at >= last) throw fail(`no ${codec.name} NLRI before the entry count`);
  const b0 = buf[at];
  const likely = [at + 1 + ((b0 + 7) >> 3), b0 < 0xf0 ? at + 1 + b0 : at + 2 + (((b0 & 0x0f) << 8) | buf[at + 1]), at + 2 + buf[at + 1], at + 4 + buf.readUInt16BE(Math.min(at + 2, buf.length - 2))];
  for (const nlriEnd of likely) {
    const prefix = one(nlriEnd);
    if (prefix !== undefined) return { end: nlriEnd, prefix };
  }
  for (let nlriEnd = at + 1; nlriEnd <= last; nlriEnd++) {
    const prefix = one(nlriEnd);
    if (prefix !== undefined) return { end: nlriEnd, prefix };
  }
  throw fail(`no ${codec.name} NLRI before the entry count`);
}
