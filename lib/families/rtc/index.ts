/**
 * Route Target Constraint (AFI 1 / SAFI 132, RFC 4684): ExaBGP's "ipv4 rtc". The NLRI value is an
 * RtcNlri (origin AS, route target, prefix length); a list's `prefixes` holds each one's canonical
 * text ("origin-as 65000 route-target target:65000:100", text.ts), its RIB key.
 *
 * Commands: neither ExaBGP 4.2 nor 5 announces RTC routes from its API, so the form is rxbgp's,
 * shaped as ExaBGP's `announce vpls`: `announce rtc origin-as 65000 route-target target:65000:100
 * next-hop 192.0.2.1 <attributes>`, `prefix-length N` for a shorter prefix, `prefix-length 0` for the
 * default route target constraint (RouteQualifiers with `word` set).
 * The next hop is an address of the advertising router (RFC 4684 §4 leaves it to RFC 4760).
 */
import { Afi, Safi } from '../../wire/iana';
import { formatExtendedCommunity } from '../../wire/extended-community-text';
import type { FamilyDescriptor } from '../family-descriptor';
import { ipNextHopRule } from '../ip-prefix/prefix-family';
import { valueList } from '../value-list';
import { formatRtc, parseRtc, RTC_WORDS, rtcJsonItem, rtcOfWords, rtcTextItem } from './text';
import type { RtcNlri } from './types';
import { decodeRtcField, encodeRtc } from './wire';

export type { RtcNlri } from './types';

/** What policy helpers see of an RTC route: the route target as text, undefined when the prefix stops before it. */
export interface RtcView {
  readonly kind: 'rtc';
  readonly prefixLength: number;
  readonly originAs: number;
  readonly routeTarget: string | undefined;
}

const NAME = 'ipv4 rtc';

const list = valueList<RtcNlri>({
  afi: Afi.IPV4,
  safi: Safi.RTC,
  name: NAME,
  format: formatRtc,
  parse: parseRtc,
  decodeField: decodeRtcField,
  encodeOne: encodeRtc,
  nextHopLengths: [4, 16, 32],
});
const { valuesOf, withValues, wire } = list;

/** The config's keys of one NLRI (camelCase after the command's words). */
const CONFIG_KEYS: Readonly<Record<string, (typeof RTC_WORDS)[number]>> = { originAs: 'origin-as', routeTarget: 'route-target', prefixLength: 'prefix-length' };

export const rtcFamily: FamilyDescriptor<RtcNlri, RtcView, string> = {
  afi: Afi.IPV4,
  safi: Safi.RTC,
  name: NAME,
  wire,

  nlriAt: (l, i) => valuesOf(l)[i],

  ribKeys: (l) => l.prefixes,
  ribKeyKind: 'string',
  ribKey: formatRtc,
  nlriOfKey: list.ofKey,
  listOfKeys: (head, keys) => withValues(head, Array.from(keys, list.ofKey)),

  parseText: parseRtc,
  formatText: formatRtc,

  exabgpJsonItems: (l) => valuesOf(l).map((v, i) => rtcJsonItem(v, l.pathIds?.[i])),
  exabgpTextItems: (l) => valuesOf(l).map((v, i) => rtcTextItem(v, l.pathIds?.[i])),
  exabgpTextItemsWithNextHop: (l, nextHop) => valuesOf(l).map((v, i) => rtcTextItem(v, l.pathIds?.[i], nextHop)),

  // { "originAs": 65000, "routeTarget": "target:65000:100" }, "prefixLength" for a shorter prefix.
  decodeConfig(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'expected an RTC route like { "originAs": 65000, "routeTarget": "target:65000:100" }' };
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record).find((k) => !(k in CONFIG_KEYS));
    if (unknown) return { ok: false, error: `unknown key "${unknown}" (expected ${Object.keys(CONFIG_KEYS).join(', ')})` };
    const words = new Map<string, string | undefined>();
    for (const [key, word] of Object.entries(CONFIG_KEYS)) {
      const v = record[key];
      if (v !== undefined && typeof v !== (key === 'routeTarget' ? 'string' : 'number')) return { ok: false, error: `${key}: expected a ${key === 'routeTarget' ? 'string' : 'number'}` };
      words.set(word, v === undefined ? undefined : String(v));
    }
    return rtcOfWords(words);
  },
  encodeConfig(v) {
    if (v.bits === 0) return { prefixLength: 0 };
    const out: Record<string, unknown> = { originAs: v.origin };
    if (v.bits > 32) out.routeTarget = formatExtendedCommunity(v.rt);
    if (v.bits !== 96) out.prefixLength = v.bits;
    return out;
  },

  nextHop: ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0'),

  policyView: (v) => ({ kind: 'rtc', prefixLength: v.bits, originAs: v.origin, routeTarget: v.bits > 32 ? formatExtendedCommunity(v.rt) : undefined }),

  routeQualifiers: {
    word: 'rtc',
    words: RTC_WORDS,
    configKeys: {},
    nlri(prefix, qualifiers, named) {
      if (!named || prefix !== '') return undefined;
      const words = new Map<string, string | undefined>();
      for (const [word, values] of qualifiers) {
        if (values.length !== 1) return { ok: false, error: `${word} takes one value, not a list` };
        words.set(word, values[0]);
      }
      return rtcOfWords(words);
    },
  },
};
