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
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import type { Writer } from '../../wire/writer';
import type { FamilyDescriptor, FamilyParse } from '../family-descriptor';
import { ipNextHopRule } from '../ip-prefix/prefix-family';
import { formatRouteDistinguisher } from '../route-distinguisher';
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
const NEXT_HOP_LENGTHS: readonly NextHopLength[] = [4, 16];

/** The values behind a list's texts, keyed by the texts' array. */
const VALUES = new WeakMap<object, readonly VplsNlri[]>();

function parseText(text: string): FamilyParse<VplsNlri> {
  return parseVpls(text);
}

function valuesOf(list: NlriSource): readonly VplsNlri[] {
  const known = VALUES.get(list.prefixes);
  if (known && known.length === list.prefixes.length) return known;
  const values = list.prefixes.map((text) => {
    const parsed = parseText(text);
    if (!parsed.ok) throw new Error(`${NAME}: ${parsed.error}`);
    return parsed.value;
  });
  VALUES.set(list.prefixes, values);
  return values;
}

function withValues<T extends object>(target: T, values: readonly VplsNlri[]): T & { prefixes: string[] } {
  const out = Object.assign(target, { prefixes: values.map(formatVpls) });
  VALUES.set(out.prefixes, values);
  return out;
}

const wire: NlriCodec = {
  afi: Afi.L2VPN,
  safi: Safi.VPLS,
  name: NAME,
  decodeField(target, buf, start, end, addPath) {
    const run = decodeVplsField(buf, start, end, addPath);
    const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withValues(target, run.values);
    if (run.pathIds) out.pathIds = run.pathIds;
    if (run.error) out.malformed = `malformed ${NAME} NLRI ${run.error}`;
    return out;
  },
  count: (list) => list.prefixes.length,
  encodeRange(w: Writer, list, addPath, from, to, limit) {
    const values = valuesOf(list);
    for (let i = from; i < to; i++) {
      const mark = w.pos;
      if (addPath) w.u32(list.pathIds?.[i] ?? 0);
      encodeVpls(w, values[i]);
      if (w.pos > limit) {
        w.pos = mark;
        return i;
      }
    }
    return to;
  },
  decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, NEXT_HOP_LENGTHS),
  encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, NEXT_HOP_LENGTHS),
};

export const vplsFamily: FamilyDescriptor<VplsNlri, VplsView, string> = {
  afi: Afi.L2VPN,
  safi: Safi.VPLS,
  name: NAME,
  wire,

  nlriAt: (list, i) => valuesOf(list)[i],

  ribKeys: (list) => list.prefixes,
  ribKeyKind: 'string',
  ribKey: formatVpls,
  nlriOfKey(key) {
    const parsed = parseText(key);
    if (!parsed.ok) throw new Error(`${NAME}: RIB key is not a route: ${parsed.error}`);
    return parsed.value;
  },
  listOfKeys(head, keys) {
    const values: VplsNlri[] = [];
    for (let i = 0; i < keys.length; i++) values.push(this.nlriOfKey(keys[i]));
    return withValues(head, values);
  },

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
