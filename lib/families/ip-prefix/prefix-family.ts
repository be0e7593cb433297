/**
 * What IPv4 and IPv6 unicast share, and what later prefix families (multicast, labeled, VPN)
 * can reuse: canonical prefix text as the NLRI value, ExaBGP's INET rendering, next-hop rules
 * for plain IP addresses.
 */
import { formatIpv4Number, formatPrefix, ipFamily, parsePrefix } from '../../wire/address';
import type { Afi } from '../../wire/iana';
import type { NlriSource } from '../../wire/nlri/nlri-codec';
import type { FamilyParse, NextHopRule } from '../family-descriptor';

/** `INET.json()`: `{ "nlri": "10.0.0.0/24" }`, with "path-information" as a dotted quad under ADD-PATH (RFC 7911). */
export function inetJsonItems(list: NlriSource): string[] {
  const { prefixes, pathIds } = list;
  const out = new Array<string>(prefixes.length);
  for (let i = 0; i < prefixes.length; i++) {
    const pathId = pathIds?.[i];
    out[i] = pathId === undefined ? `{ "nlri": "${prefixes[i]}" }` : `{ "nlri": "${prefixes[i]}", "path-information": "${formatIpv4Number(pathId)}" }`;
  }
  return out;
}

/** `INET.prefix()` of the text encoder: the prefix and, under ADD-PATH (RFC 7911), its path identifier as a dotted quad. */
export function inetTextItems(list: NlriSource): string[] {
  const { prefixes, pathIds } = list;
  if (!pathIds) return prefixes.slice();
  const out = new Array<string>(prefixes.length);
  for (let i = 0; i < prefixes.length; i++) {
    const pathId = pathIds[i];
    out[i] = pathId === undefined ? prefixes[i] : `${prefixes[i]} path-information ${formatIpv4Number(pathId)}`;
  }
  return out;
}

/** A prefix of address family `afi` from text: canonical "address/length", host bits refused. */
export function parsePrefixOf(afi: Afi, afiLabel: string, text: string): FamilyParse<string> {
  const parsed = parsePrefix(text);
  if (typeof parsed === 'string') return { ok: false, error: parsed };
  if (parsed.afi !== afi) return { ok: false, error: `"${text}" is not an ${afiLabel} prefix` };
  return { ok: true, value: formatPrefix(afi, parsed.length, parsed.address) };
}

/** A config value that must be a prefix string of `afi`. */
export function decodePrefixConfig(afi: Afi, afiLabel: string, value: unknown): FamilyParse<string> {
  if (typeof value !== 'string') return { ok: false, error: `expected an ${afiLabel} prefix string, got ${value === null ? 'null' : typeof value}` };
  return parsePrefixOf(afi, afiLabel, value);
}

/**
 * Next hops of plain IP families: one address of an allowed address family, or for IPv6 a global
 * and a link-local address (RFC 2545 §3). `self` is left to the session, which knows its address.
 */
export function ipNextHopRule(afis: readonly Afi[], fallback: string): NextHopRule {
  return {
    form: 'address',
    afis,
    fallback,
    check(nextHop) {
      if (nextHop.length < 1 || nextHop.length > 2) return `expected 1 or 2 next hops, got ${nextHop.length}`;
      for (const text of nextHop) {
        if (text === 'self') continue;
        const afi = ipFamily(text);
        if (afi === undefined) return `next hop "${text}" is not an IP address`;
        if (!afis.includes(afi)) return `next hop ${text} is not valid for this family`;
        if (nextHop.length === 2 && afi !== 2) return `a second next hop (link-local, RFC 2545) must be IPv6, not ${text}`;
      }
      return undefined;
    },
  };
}
