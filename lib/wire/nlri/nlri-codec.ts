/**
 * The contract every NLRI family implements (RFC 4760 §5: NLRI are encoded per AFI/SAFI).
 * A family codec reads and writes ONE NLRI at a time; the shared run loop in index.ts walks
 * a whole field, adds RFC 7911 path identifiers and collects the results into the parallel
 * arrays of NlriList, so no family allocates an object per prefix.
 *
 * Later families (labeled unicast, VPN, FlowSpec, EVPN) implement the same four functions
 * with their own canonical text form and their own next-hop layout (e.g. RD + address).
 */
import type { Afi, Safi } from '../iana';
import type { Writer } from '../writer';

export interface NlriCodec {
  readonly afi: Afi;
  readonly safi: Safi;
  /** ExaBGP-style family name, e.g. "ipv4 unicast". */
  readonly name: string;
  /**
   * Reads one NLRI starting at `at` (after any path identifier), pushes its canonical text
   * onto `out` and returns the offset just after it. Throws BgpError 3/10 (Invalid Network
   * Field) when it is malformed or runs past `end`: RFC 7606 §5.3 calls that a syntax error
   * of the whole field, handled by session reset.
   */
  decodeOne(buf: Buffer, at: number, end: number, out: string[]): number;
  /** Writes one NLRI given as canonical text. Throws a plain Error when the text is not one. */
  encodeOne(w: Writer, text: string): void;
  /**
   * The next hop(s) in MP_REACH_NLRI's "Network Address of Next Hop" buf[start, end), or
   * undefined when that length does not fit this family (malformed per RFC 7606 §7.11).
   */
  decodeNextHop(buf: Buffer, start: number, end: number): string[] | undefined;
  /** Writes the "Network Address of Next Hop" value (without its length octet). */
  encodeNextHop(w: Writer, nextHop: readonly string[]): void;
}
