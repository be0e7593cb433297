/**
 * What ExaBGP 4.2 holds of an UPDATE's attributes, shared by the JSON and text encoders: which
 * unknown attributes it keeps, its AS4_PATH merge, and how it reads the aggregators.
 */
import { flowIpv6ExtendedCommunityText } from '../../families/flowspec';
import { AS_TRANS, AttrFlag } from '../../wire/iana';
import type { Aggregator, PathAttributes, UnknownAttribute } from '../../wire/types';
import { flattenAsPath, mergeAs4Path, type FlatAsPath } from './as-path';

/**
 * Attribute codes ExaBGP 4.2 decodes itself, with the flags it registers them under.
 * An attribute we keep as unknown but ExaBGP knows is printed by ExaBGP its own way when the
 * flags match, and silently dropped when they do not.
 */
const EXABGP_KNOWN_FLAGS: ReadonlyMap<number, number> = new Map([
  [22, 0xc0], // PMSI tunnel (RFC 6514)
  [25, 0xc0], // IPv6 address specific extended community (RFC 5701)
  [26, 0x80], // AIGP (RFC 7311): rxbgp decodes it too; only a hand-built one with other flags gets here
  [29, 0x80], // BGP-LS (RFC 7752)
  [40, 0xc0], // BGP prefix SID (RFC 8669)
]);

/** Unknown attributes ExaBGP would keep, by type code, first of each code only. */
export function printableUnknown(attrs: PathAttributes): UnknownAttribute[] {
  const out: UnknownAttribute[] = [];
  if (!attrs.unknown) return out;
  const seen = new Set<number>();
  for (const u of attrs.unknown) {
    if (seen.has(u.type)) continue;
    seen.add(u.type);
    // ExaBGP ignores unknown non-transitive attributes (RFC 4271 §5: not passed on).
    if (!(u.flags & AttrFlag.TRANSITIVE)) continue;
    const known = EXABGP_KNOWN_FLAGS.get(u.type);
    if (known !== undefined && (u.flags & ~(AttrFlag.PARTIAL | AttrFlag.EXTENDED_LENGTH)) !== known) continue;
    out.push(u);
  }
  return out.sort((a, b) => a.type - b.type);
}

/** AS_PATH as ExaBGP holds it after its own AS4_PATH merge; undefined when it holds none (zero length). */
export function exabgpAsPath(attrs: PathAttributes, treatAsWithdraw: boolean): FlatAsPath | undefined {
  if (!attrs.asPath || attrs.asPath.length === 0) return undefined;
  const path = flattenAsPath(attrs.asPath);
  // ExaBGP returns before merging when an attribute was malformed.
  if (attrs.as4Path && attrs.as4Path.length > 0 && !treatAsWithdraw) return mergeAs4Path(path, flattenAsPath(attrs.as4Path));
  return path;
}

/**
 * The AS numbers ExaBGP prints for AGGREGATOR and AS4_AGGREGATOR. On a 2-octet AS session
 * (RFC 6793) it prints AGGREGATOR as received, so AS_TRANS when the decoder replaced it by
 * AS4_AGGREGATOR (RFC 6793 §4.2.3), and reads only the first two octets of AS4_AGGREGATOR's AS.
 */
export function exabgpAggregators(a: PathAttributes, asn4: boolean): { aggregator?: [number, Aggregator]; as4Aggregator?: [number, Aggregator] } {
  const out: { aggregator?: [number, Aggregator]; as4Aggregator?: [number, Aggregator] } = {};
  if (a.aggregator) {
    const four = a.as4Aggregator;
    const merged =
      !asn4 &&
      four !== undefined &&
      (a.aggregator === four || (a.aggregator.asn === four.asn && a.aggregator.address === four.address && four.asn > 0xffff));
    out.aggregator = [merged ? AS_TRANS : a.aggregator.asn, a.aggregator];
  }
  if (a.as4Aggregator) out.as4Aggregator = [asn4 ? a.as4Aggregator.asn : a.as4Aggregator.asn >>> 16, a.as4Aggregator];
  return out;
}

/** RFC 5701 §2: IPV6_EXTENDED_COMMUNITIES, 20 octets per community. */
const IPV6_EXTENDED_COMMUNITIES = 25;
const IPV6_EXTENDED_COMMUNITY_LENGTH = 20;

/**
 * IPv6 address specific extended communities (RFC 5701; FlowSpec IPv6 redirects) as ExaBGP 4.2
 * writes them: it decodes attribute 25 itself (class ExtendedCommunitiesIPv6, flags 0xC0) but has
 * no name for it, so both encoders print it under its code with its text of the communities, one
 * alone or several as "[ a b ]" in byte order (checked with exabgp --decode 4.2.21). Undefined for
 * another attribute, or when a community has no text here (it is then printed as unknown).
 */
export function exabgpIpv6ExtendedCommunities(u: UnknownAttribute): string | undefined {
  if (u.type !== IPV6_EXTENDED_COMMUNITIES || u.value.length === 0 || u.value.length % IPV6_EXTENDED_COMMUNITY_LENGTH !== 0) return undefined;
  const chunks: Buffer[] = [];
  for (let at = 0; at < u.value.length; at += IPV6_EXTENDED_COMMUNITY_LENGTH) chunks.push(u.value.subarray(at, at + IPV6_EXTENDED_COMMUNITY_LENGTH));
  chunks.sort(Buffer.compare);
  const texts: string[] = [];
  for (const chunk of chunks) {
    const text = flowIpv6ExtendedCommunityText(BigInt(`0x${chunk.toString('hex')}`));
    if (text === undefined) return undefined;
    texts.push(text);
  }
  return texts.length === 1 ? texts[0] : `[ ${texts.join(' ')} ]`;
}
