/**
 * IPv4 unicast (AFI 1, SAFI 1; RFC 4271 §4.3, RFC 4760): the NLRI value is the canonical prefix
 * text "a.b.c.d/len". On the hot path a list holds packed numbers instead (address * 64 + length,
 * lib/wire/nlri/packed-ipv4.ts), which are also its RIB keys, so a full table never becomes text
 * unless an event or a log asks for it. The wire codec stays in lib/wire: the classic NLRI and
 * Withdrawn Routes fields of every UPDATE need it.
 */
import { Afi, Safi } from '../../wire/iana';
import { packedAddress, packedLength, parseIpv4PrefixPacked } from '../../wire/nlri/ipv4-prefix';
import { ipv4Unicast as wire } from '../../wire/nlri/ipv4-unicast';
import { attachPackedIpv4, formatIpv4Packed, packedIpv4Of } from '../../wire/nlri/packed-ipv4';
import type { FamilyDescriptor, PrefixView } from '../family-descriptor';
import { decodePrefixConfig, inetJsonItems, inetTextItems, ipNextHopRule, parsePrefixOf } from '../ip-prefix/prefix-family';

export const ipv4UnicastFamily: FamilyDescriptor<string, PrefixView, number> = {
  afi: Afi.IPV4,
  safi: Safi.UNICAST,
  name: 'ipv4 unicast',
  wire,

  nlriAt(list, i) {
    const packed = packedIpv4Of(list);
    return packed ? formatIpv4Packed(packed[i]) : list.prefixes[i];
  },

  ribKeys(list) {
    const packed = packedIpv4Of(list);
    if (packed) return packed;
    const { prefixes } = list;
    const keys = new Array<number>(prefixes.length);
    for (let i = 0; i < prefixes.length; i++) keys[i] = parseIpv4PrefixPacked(prefixes[i]);
    return keys;
  },
  ribKeyKind: 'number',
  ribKey: (nlri) => parseIpv4PrefixPacked(nlri),
  nlriOfKey: formatIpv4Packed,
  listOfKeys: (head, keys) => attachPackedIpv4(head, keys),

  parseText: (text) => parsePrefixOf(Afi.IPV4, 'IPv4', text),
  formatText: (nlri) => nlri,

  exabgpJsonItems: inetJsonItems,
  exabgpTextItems: inetTextItems,

  decodeConfig: (value) => decodePrefixConfig(Afi.IPV4, 'IPv4', value),
  encodeConfig: (nlri) => nlri,

  // RFC 8950: IPv4 NLRI may have an IPv6 next hop. ExaBGP sends 0.0.0.0 when none is given.
  nextHop: ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0'),

  policyView(nlri) {
    const packed = parseIpv4PrefixPacked(nlri);
    return { kind: 'prefix', afi: Afi.IPV4, prefix: nlri, length: packedLength(packed), ipv4: packedAddress(packed) };
  },
};
