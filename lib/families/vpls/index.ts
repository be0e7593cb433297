/**
 * VPLS (AFI 25 / SAFI 65, RFC 4761 §3.2.2): ExaBGP's "l2vpn vpls". The NLRI value is a VplsNlri; a
 * list's `prefixes` holds each one's canonical text ("rd 65000:1 endpoint 1 base 800000 offset 0
 * size 10", text.ts), which is also its RIB key, and the values stay behind it, as for the labeled
 * families.
 *
 * Commands: ExaBGP's `announce vpls rd <rd> endpoint <n> base <label> offset <n> size <n> next-hop
 * <ip> <attributes>` (reactor/api/command/announce.py, configuration/announce/vpls.py): a route
 * without a prefix, read by the command layer through RouteQualifiers with `word` set.
 * The next hop is an IPv4 (or IPv6) address of the PE (RFC 4761 §3.2.2 leaves it to RFC 4760).
 */
import { Afi, Safi } from '../../wire/iana';
import type { FamilyDescriptor } from '../family-descriptor';
import { ipNextHopRule } from '../ip-prefix/prefix-family';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { valueList } from '../value-list';
import { formatVpls, parseVpls, VPLS_WORDS, vplsJsonItem, vplsOfWords, vplsTextItem } from './text';
import type { VplsNlri } from './types';
import { decodeVplsField, encodeVpls } from './wire';

export type { VplsNlri } from './types';

/** What policy helpers see of a VPLS route. */
export interface VplsView {
  readonly kind: 'vpls';
  readonly rd: string;
  readonly endpoint: number;
  readonly offset: number;
  readonly size: number;
  readonly base: number;
}

const NAME = 'l2vpn vpls';

const list = valueList<VplsNlri>({
  afi: Afi.L2VPN,
  safi: Safi.VPLS,
  name: NAME,
  format: formatVpls,
  parse: parseVpls,
  decodeField: decodeVplsField,
  encodeOne: encodeVpls,
  nextHopLengths: [4, 16],
});
const { valuesOf, withValues, wire } = list;
const parseText = parseVpls;

export const vplsFamily: FamilyDescriptor<VplsNlri, VplsView, string> = {
  afi: Afi.L2VPN,
  safi: Safi.VPLS,
  name: NAME,
  wire,

  nlriAt: (list, i) => valuesOf(list)[i],

  ribKeys: (list) => list.prefixes,
  ribKeyKind: 'string',
  ribKey: formatVpls,
  nlriOfKey: list.ofKey,
  listOfKeys: (head, keys) => withValues(head, Array.from(keys, list.ofKey)),

  parseText,
  formatText: formatVpls,

  exabgpJsonItems: (list) => valuesOf(list).map((v, i) => vplsJsonItem(v, list.pathIds?.[i])),
  exabgpTextItems: (list) => valuesOf(list).map((v, i) => vplsTextItem(v, list.pathIds?.[i])),
  exabgpTextItemsWithNextHop: (list, nextHop) => valuesOf(list).map((v, i) => vplsTextItem(v, list.pathIds?.[i], nextHop)),

  // The config's form of one NLRI: { "rd": "65000:1", "endpoint": 1, "base": 800000, "offset": 0, "size": 10 }.
  decodeConfig(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'expected a VPLS route like { "rd": "65000:1", "endpoint": 1, "base": 800000, "offset": 0, "size": 10 }' };
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record).find((k) => !(VPLS_WORDS as readonly string[]).includes(k));
    if (unknown) return { ok: false, error: `unknown key "${unknown}" (expected ${VPLS_WORDS.join(', ')})` };
    const words = new Map<string, string | undefined>();
    for (const word of VPLS_WORDS) {
      const v = record[word];
      if (v !== undefined && typeof v !== (word === 'rd' ? 'string' : 'number')) return { ok: false, error: `${word}: expected a ${word === 'rd' ? 'string' : 'number'}` };
      words.set(word, v === undefined ? undefined : String(v));
    }
    return vplsOfWords(words);
  },
  encodeConfig: (v) => ({ rd: formatRouteDistinguisher(v.rd), endpoint: v.endpoint, base: v.base, offset: v.offset, size: v.size }),

  // ExaBGP sends the next hop given (VPLS.feedback(): "vpls nlri next-hop missing"); withdrawals use 0.0.0.0.
  nextHop: ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0'),

  policyView: (v) => ({ kind: 'vpls', rd: formatRouteDistinguisher(v.rd), endpoint: v.endpoint, offset: v.offset, size: v.size, base: v.base }),

  routeQualifiers: {
    word: 'vpls',
    words: ['rd', 'route-distinguisher', 'endpoint', 'base', 'offset', 'size'],
    configKeys: {},
    nlri(prefix, qualifiers, named) {
      if (!named || prefix !== '') return undefined;
      const words = new Map<string, string | undefined>();
      for (const [word, values] of qualifiers) {
        if (values.length !== 1) return { ok: false, error: `${word} takes one value, not a list` };
        words.set(word === 'route-distinguisher' ? 'rd' : word, values[0]);
      }
      return vplsOfWords(words);
    },
  },
};
