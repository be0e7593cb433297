/**
 * The wire side of an address family (RFC 4760 §5: NLRI are encoded per AFI/SAFI), as the
 * UPDATE codec sees it. It lives here, in wire, so that MP_REACH_NLRI / MP_UNREACH_NLRI and the
 * packer can call it; families (lib/families/<name>/) implement it and reach the codec through
 * CodecContext.nlri, since wire may not import them.
 *
 * Every call handles a whole NLRI field or a whole list (a batch): the per-NLRI loop runs inside
 * the family's own code, monomorphic, never as one interface call per prefix (a full table is
 * ~1 M prefixes). RFC 7911 ADD-PATH identifiers are the codec's job too, so a family whose NLRI
 * carry their own length (FlowSpec) walks its field in one pass.
 */
import type { Afi, Safi } from '../iana';
import type { Writer } from '../writer';

/** One decoded NLRI field: canonical texts and, with ADD-PATH, their path identifiers. */
export interface NlriRun {
  readonly prefixes: string[];
  readonly pathIds?: number[];
  /**
   * Set when some NLRI of the field were malformed but the field could still be walked (FlowSpec,
   * RFC 8955 §4.2): the NLRI that parsed are in the run, and the UPDATE is treat-as-withdraw
   * (RFC 7606 §2), not a session reset. Says what and where, for logs.
   */
  readonly malformed?: string;
}

/** What encoding reads from a list (NlriList and its packed IPv4 form are both this). */
export interface NlriSource {
  readonly prefixes: readonly string[];
  readonly pathIds?: readonly number[];
}

export interface NlriCodec {
  readonly afi: Afi;
  readonly safi: Safi;
  /** ExaBGP-style family name, e.g. "ipv4 unicast". */
  readonly name: string;
  /**
   * Decodes every NLRI of buf[start, end) onto `target`, which gets `prefixes` and, with
   * `addPath`, `pathIds` (RFC 7911 §3: a 4-octet Path Identifier before each NLRI; left out
   * when the field is empty). Throws BgpError 3/10 (Invalid Network Field) when the field is
   * malformed: RFC 7606 §5.3 calls that a syntax error of the whole field (session reset).
   * A family whose NLRI carry their own length (FlowSpec) has a third outcome: the run's
   * `malformed`, which decodeUpdate turns into treat-as-withdraw with the NLRI that did parse
   * (an AttrError thrown here would drop the whole attribute, and with it what to withdraw).
   */
  decodeField<T extends object>(target: T, buf: Buffer, start: number, end: number, addPath: boolean): T & NlriRun;
  /** How many NLRI `list` holds, without making their text. */
  count(list: NlriSource): number;
  /**
   * Writes list's NLRI [from, to) (each after its Path Identifier with `addPath`: the list's, or 0
   * when it has none) while the writer stays within `limit` octets; an NLRI that would pass it is
   * undone. Returns the index of the first NLRI not written. Throws a plain Error when an NLRI
   * is not valid for the family. `withdrawn`: the NLRI are written into MP_UNREACH_NLRI, where a
   * family may write them otherwise (RFC 8277 §2.4: a labeled withdrawal's labels are one
   * 3-octet Compatibility field).
   */
  encodeRange(w: Writer, list: NlriSource, addPath: boolean, from: number, to: number, limit: number, withdrawn?: boolean): number;
  /**
   * The next hop(s) in MP_REACH_NLRI's "Network Address of Next Hop" buf[start, end), or
   * undefined when that length does not fit this family (malformed per RFC 7606 §7.11).
   */
  decodeNextHop(buf: Buffer, start: number, end: number): string[] | undefined;
  /** Writes the "Network Address of Next Hop" value (without its length octet). */
  encodeNextHop(w: Writer, nextHop: readonly string[]): void;
}

/** The NLRI codecs of a session, keyed by familyKey(afi, safi). */
export type NlriCodecs = ReadonlyMap<number, NlriCodec>;
