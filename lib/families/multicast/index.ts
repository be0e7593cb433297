/**
 * IPv4 and IPv6 multicast (AFI 1 / 2, SAFI 2; RFC 4760 §5: "NLRI ... for multicast forwarding"),
 * ExaBGP's "ipv4 multicast" / "ipv6 multicast". The NLRI are prefixes, as in unicast: the value is
 * the canonical prefix text, the texts and JSON are ExaBGP's INET ones, and the wire codec is
 * unicast's under SAFI 2 (wire.ts). Policies see a PrefixView.
 *
 * Commands: `announce ipv4 multicast <prefix> ...` names the family; ExaBGP 4.2 also makes
 * `announce route <prefix>` a multicast route when an IPv4 prefix starts in 224–239
 * (protocol/ip IP.tosafi(); IPv6 prefixes stay unicast there), and so does rxbgp, through
 * routeQualifiers with no words (RouteQualifiers.implicit). The config form is a route like any other
 * ({ "prefix": "232.1.1.0/24", "nextHop": ... }), chosen the same way.
 */
import { packedAddress, parseIpv4PrefixPacked } from '../../wire/nlri/ipv4-prefix';
import { Afi } from '../../wire/iana';
import { ipv4Unicast } from '../../wire/nlri/ipv4-unicast';
import { ipv6Unicast } from '../../wire/nlri/ipv6-unicast';
import type { FamilyDescriptor, PrefixView } from '../family-descriptor';
import { decodePrefixConfig, inetJsonItems, inetTextItems, ipNextHopRule, parsePrefixOf } from '../ip-prefix/prefix-family';
import { multicastWire } from './wire';

/** ExaBGP 4.2's IP.tosafi(): an IPv4 prefix whose first octet is 224–239 (RFC 5771's 224.0.0.0/4) is multicast. */
export function isIpv4MulticastPrefix(prefix: string): boolean {
  // Char codes, not a slice: `announce route` asks this of every IPv4 route a helper sends.
  if (prefix.length < 4 || prefix.charCodeAt(0) !== 50 /* 2 */ || prefix.charCodeAt(3) !== 46 /* . */) return false;
  const tens = prefix.charCodeAt(1);
  const units = prefix.charCodeAt(2) - 48;
  return (tens === 50 /* 22x */ && units >= 4 && units <= 9) || (tens === 51 /* 23x */ && units >= 0 && units <= 9);
}

function multicastFamily(afi: 1 | 2): FamilyDescriptor<string, PrefixView, string> {
  const v4 = afi === Afi.IPV4;
  const name = v4 ? 'ipv4 multicast' : 'ipv6 multicast';
  const afiLabel = v4 ? 'IPv4' : 'IPv6';
  const parseText = (text: string) => parsePrefixOf(afi, afiLabel, text);
  return {
    afi,
    safi: 2,
    name,
    wire: multicastWire(v4 ? ipv4Unicast : ipv6Unicast, name),

    nlriAt: (list, i) => list.prefixes[i],

    ribKeys: (list) => list.prefixes,
    ribKeyKind: 'string',
    ribKey: (nlri) => nlri,
    nlriOfKey: (key) => key,
    listOfKeys: (head, keys) => Object.assign(head, { prefixes: Array.from(keys) }),

    parseText,
    formatText: (nlri) => nlri,

    exabgpJsonItems: inetJsonItems,
    exabgpTextItems: inetTextItems,

    decodeConfig: (value) => decodePrefixConfig(afi, afiLabel, value),
    encodeConfig: (nlri) => nlri,

    // As unicast: RFC 8950 lets IPv4 NLRI have an IPv6 next hop; ExaBGP's ip_multicast() takes a route without one.
    nextHop: v4 ? ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0') : ipNextHopRule([Afi.IPV6], '::'),

    policyView(nlri) {
      const slash = nlri.lastIndexOf('/');
      const length = Number(nlri.slice(slash + 1));
      return { kind: 'prefix', afi, prefix: nlri, length, ipv4: v4 ? packedAddress(parseIpv4PrefixPacked(nlri)) : -1 };
    },

    routeQualifiers: {
      words: [],
      configKeys: {},
      implicit: v4,
      nlri(prefix, qualifiers, named) {
        if (!named && (qualifiers.size > 0 || !v4 || !isIpv4MulticastPrefix(prefix))) return undefined;
        return parseText(prefix);
      },
    },
  };
}

export const ipv4MulticastFamily = multicastFamily(Afi.IPV4);
export const ipv6MulticastFamily = multicastFamily(Afi.IPV6);
