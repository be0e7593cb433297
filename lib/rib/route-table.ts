/**
 * A table of routes loaded in one go (an MRT TABLE_DUMP_V2 dump, lib/mrt) for an Adj-RIB-Out: what
 * the reader fills and the RIB loads, declared here so the RIB does not import the reader.
 */
import type { PathAttributes } from '../wire/types';

/** One attribute set of the table, interned by its bytes. */
export interface TableSet {
  readonly afi: number;
  readonly safi: number;
  /** From NEXT_HOP (IPv4) or the abbreviated MP_REACH_NLRI (IPv6, RFC 6396 §4.3.4). */
  readonly nextHop: string;
  /** Everything but NEXT_HOP and MP_REACH_NLRI, decoded from `bytesKey` on each read. */
  readonly attributes: PathAttributes;
  /** The entry's attribute bytes as a latin1 string: what the set was interned by (AttributeSets takes it too). */
  readonly bytesKey: string;
}

/** Routes loaded from a dump: IPv4 unicast without path ids packed (address * 64 + length), the rest as text. */
export interface RouteTable {
  readonly sets: TableSet[];
  readonly v4Prefixes: number[];
  /** Index into `sets` of each v4 prefix. */
  readonly v4Sets: number[];
  /** Every other route: its family's canonical NLRI text, and its RFC 7911 path id when the dump had one (RFC 8050). */
  readonly other: Array<{ readonly afi: number; readonly safi: number; readonly prefix: string; readonly pathId?: number; readonly set: number }>;
  /** Records of other types or subtypes, skipped. */
  skippedRecords: number;
  /** Prefixes whose first entry had no usable next hop or attributes, skipped. */
  skippedPrefixes: number;
  /** RIB records of families rxbgp does not carry, skipped: count by family name ("ipv4 multicast"). */
  readonly skippedFamilies: Map<string, number>;
}
