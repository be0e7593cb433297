/**
 * Extended Next Hop Encoding capability, code 5 (RFC 8950 §3): a list of <NLRI AFI (2), NLRI SAFI
 * (2), Nexthop AFI (2)> triples, each saying "I can take NLRI of this family with a next hop of
 * that address family". It travels as an opaque capability (kind 'unknown', code 5) so the ExaBGP
 * OPEN events keep printing it as they do; these helpers build and read its Value.
 */
import { CapabilityCode } from '../iana';
import type { Capability, OpenMessage } from '../types';
import { familyKey } from '../types';

export interface NextHopConversion {
  readonly afi: number;
  readonly safi: number;
  readonly nextHopAfi: number;
}

/** The capability advertising `conversions`. */
export function extendedNextHopCapability(conversions: readonly NextHopConversion[]): Capability {
  const value = Buffer.alloc(conversions.length * 6);
  conversions.forEach((c, i) => {
    value.writeUInt16BE(c.afi, i * 6);
    value.writeUInt16BE(c.safi, i * 6 + 2);
    value.writeUInt16BE(c.nextHopAfi, i * 6 + 4);
  });
  return { kind: 'unknown', code: CapabilityCode.EXTENDED_NEXT_HOP, value };
}

/** Every triple of every code-5 capability of an OPEN; a Value that is not a multiple of 6 counts for nothing. */
export function extendedNextHopConversions(open: OpenMessage): NextHopConversion[] {
  const out: NextHopConversion[] = [];
  for (const cap of open.capabilities) {
    if (cap.kind !== 'unknown' || cap.code !== CapabilityCode.EXTENDED_NEXT_HOP || cap.value.length % 6 !== 0) continue;
    for (let at = 0; at < cap.value.length; at += 6) {
      out.push({ afi: cap.value.readUInt16BE(at), safi: cap.value.readUInt16BE(at + 2), nextHopAfi: cap.value.readUInt16BE(at + 4) });
    }
  }
  return out;
}

/** Families (familyKey) whose NLRI `open`'s sender takes with a next hop of `nextHopAfi`. */
export function extendedNextHopFamilies(open: OpenMessage, nextHopAfi: number): Set<number> {
  return new Set(extendedNextHopConversions(open).filter((c) => c.nextHopAfi === nextHopAfi).map((c) => familyKey(c.afi, c.safi)));
}
