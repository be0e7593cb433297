/**
 * Labeled unicast (AFI 1 / 2, SAFI 4; RFC 8277, RFC 3107) and L3VPN (AFI 1 / 2, SAFI 128; RFC 4364,
 * RFC 4659) as family descriptors, one parametrized folder for the four: a prefix behind a label
 * stack and, for L3VPN, a route distinguisher. ExaBGP names them "ipv4 nlri-mpls" and "ipv4 mpls-vpn".
 *
 * The NLRI value is a LabeledPrefix; a list's `prefixes` holds each one's canonical text
 * ("10.0.0.0/25 label 1000 rd 65000:1", text.ts), which is also its RIB key, and the decoded
 * values stay behind it (VALUES), as IPv4 unicast keeps packed numbers.
 *
 * Malformed NLRI (RFC 7606 §5.3): decodeField never throws for them; the NLRI that did parse are
 * kept and the run says `malformed`, which the UPDATE decoder turns into treat-as-withdraw.
 */
import { Afi, Safi } from '../../wire/iana';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import { nlriValuesOf } from '../../wire/nlri/nlri-values';
import { nlriCount } from '../../wire/nlri/packed-ipv4';
import type { Writer } from '../../wire/writer';
import type { FamilyDescriptor, FamilyParse, NextHopRule } from '../family-descriptor';
import { ipNextHopRule, parsePrefixOf } from '../ip-prefix/prefix-family';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { configText, encodeLabeledConfig } from './config';
import { decodeLabeledNlri } from './decode-nlri';
import { encodeLabeledPrefix } from './encode-nlri';
import { labeledFamilyName } from './family-name';
import { labeledJsonItem, labeledTextItem } from './json';
import { labeledPrefixView, type LabeledPrefixView } from './labeled-view';
import { decodeLabeledNextHop, encodeLabeledNextHop } from './next-hop';
import { formatLabeledPrefix, parseLabelWords, parseRdWords, splitLabeledText } from './text';
import { WITHDRAW_LABEL, type LabeledAfi, type LabeledFamily, type LabeledPrefix, type LabeledSafi } from './types';

export type { LabeledPrefixView } from './labeled-view';
export type { LabeledAfi, LabeledPrefix, LabeledSafi } from './types';

/** What names a route whatever its labels (ExaBGP's Label.index(), IPVPN.index()): its prefix and RD. */
function sameRoute(nlri: LabeledPrefix): string {
  return nlri.rd ? `${nlri.prefix} rd ${formatRouteDistinguisher(nlri.rd)}` : nlri.prefix;
}

/** The values behind a list's texts, keyed by the texts' array (kept through copies of the list's head). */
const VALUES = new WeakMap<object, readonly LabeledPrefix[]>();

export function labeledFamily(afi: LabeledAfi, safi: LabeledSafi): FamilyDescriptor<LabeledPrefix, LabeledPrefixView, string> {
  const family: LabeledFamily = { afi, safi };
  const name = labeledFamilyName(afi, safi);
  const afiLabel = afi === 1 ? 'IPv4' : 'IPv6';
  const vpn = safi === Safi.MPLS_VPN;

  /** A route of this family from its prefix and qualifier words (label, rd). */
  function fromWords(prefixText: string, qualifiers: ReadonlyMap<string, readonly string[]>, withdraw = false): FamilyParse<LabeledPrefix> {
    const prefix = parsePrefixOf(afi, afiLabel, prefixText);
    if (!prefix.ok) return prefix;
    const labelWords = qualifiers.get('label');
    // A withdrawal names the route by prefix and RD; its label field is the Compatibility one (RFC 8277 §2.4).
    if (!labelWords && !withdraw) return { ok: false, error: `an ${name} route needs a label (RFC 8277 §2)` };
    const stack = labelWords ? parseLabelWords(labelWords) : [WITHDRAW_LABEL];
    if (typeof stack === 'string') return { ok: false, error: stack };
    const rdWords = qualifiers.get('rd');
    if (!vpn) return rdWords ? { ok: false, error: `an ${name} route has no route distinguisher (with one it is ${afi === 1 ? 'ipv4' : 'ipv6'} mpls-vpn)` } : { ok: true, value: { prefix: prefix.value, stack } };
    if (!rdWords) return { ok: false, error: `an ${name} route needs a route distinguisher (rd 65000:1, RFC 4364 §4.2)` };
    const rd = parseRdWords(rdWords);
    if (typeof rd === 'string') return { ok: false, error: rd };
    return { ok: true, value: { prefix: prefix.value, stack, rd } };
  }

  function parseText(text: string): FamilyParse<LabeledPrefix> {
    const split = splitLabeledText(text);
    if (typeof split === 'string') return { ok: false, error: `"${text}": ${split}` };
    return fromWords(split.prefix, split.qualifiers);
  }

  function valuesOf(list: NlriSource): readonly LabeledPrefix[] {
    const held = nlriValuesOf(list);
    if (held) return held.values as readonly LabeledPrefix[];
    const known = VALUES.get(list.prefixes);
    if (known && known.length === list.prefixes.length) return known;
    const values = list.prefixes.map((text) => {
      const parsed = parseText(text);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
      return parsed.value;
    });
    VALUES.set(list.prefixes, values);
    return values;
  }

  function withValues<T extends object>(target: T, values: readonly LabeledPrefix[]): T & { prefixes: string[] } {
    const out = Object.assign(target, { prefixes: values.map(formatLabeledPrefix) });
    VALUES.set(out.prefixes, values);
    return out;
  }

  const wire: NlriCodec = {
    afi,
    safi,
    name,
    decodeField(target, buf, start, end, addPath) {
      const run = decodeLabeledNlri(buf, start, end, family, addPath);
      const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withValues(target, run.values);
      if (run.pathIds) out.pathIds = run.pathIds;
      if (run.error) out.malformed = `malformed ${name} NLRI ${run.error}`;
      return out;
    },
    count: nlriCount,
    encodeRange(w: Writer, list, addPath, from, to, limit, withdrawn) {
      const values = valuesOf(list);
      for (let i = from; i < to; i++) {
        const mark = w.pos;
        if (addPath) w.u32(list.pathIds?.[i] ?? 0);
        encodeLabeledPrefix(w, values[i], family, withdrawn);
        if (w.pos > limit) {
          w.pos = mark;
          return i;
        }
      }
      return to;
    },
    decodeNextHop: (buf, start, end) => decodeLabeledNextHop(buf, start, end, family),
    encodeNextHop: (w, nextHop) => encodeLabeledNextHop(w, nextHop, family),
  };

  // ExaBGP refuses these routes without a next hop ("labelled nlri next-hop missing"): no fallback.
  const ip = ipNextHopRule([Afi.IPV4, Afi.IPV6], '');
  const nextHop: NextHopRule = { form: vpn ? 'rd-address' : 'address', afis: afi === 1 ? [Afi.IPV4, Afi.IPV6] : [Afi.IPV6, Afi.IPV4], check: ip.check };

  return {
    afi,
    safi,
    name,
    wire,

    nlriAt: (list, i) => valuesOf(list)[i],

    ribKeys: (list) => list.prefixes,
    ribKeyKind: 'string',
    ribKey: formatLabeledPrefix,
    nlriOfKey(key) {
      const parsed = parseText(key);
      if (!parsed.ok) throw new Error(`${name}: RIB key is not a route: ${parsed.error}`);
      return parsed.value;
    },
    // The Adj-RIB-Out keys a route as ExaBGP's RIB does (Label.index(), IPVPN.index()): by its prefix and
    // RD, not its labels, so announcing it with a new label replaces it and any label withdraws it.
    routeKey(route) {
      const value = (route.nlri as LabeledPrefix | undefined) ?? parseText(route.prefix);
      const nlri = 'ok' in value ? (value.ok ? value.value : undefined) : value;
      return nlri ? sameRoute(nlri) : route.prefix;
    },
    // RFC 8277 §2.4: a peer withdraws with any label (FRR and BIRD send 0x800000); the Adj-RIB-In matches by prefix and RD.
    receivedKey: sameRoute,
    listOfKeys(head, keys) {
      const values: LabeledPrefix[] = [];
      for (let i = 0; i < keys.length; i++) values.push(this.nlriOfKey(keys[i]));
      return withValues(head, values);
    },

    parseText,
    formatText: formatLabeledPrefix,

    exabgpJsonItems: (list) => valuesOf(list).map((v, i) => labeledJsonItem(v, list.pathIds?.[i])),
    exabgpTextItems: (list) => valuesOf(list).map((v, i) => labeledTextItem(v, list.pathIds?.[i])),
    exabgpTextItemsWithNextHop: (list, nextHop) => valuesOf(list).map((v, i) => labeledTextItem(v, list.pathIds?.[i], nextHop)),

    decodeConfig(value) {
      const text = configText(value);
      return typeof text === 'string' ? parseText(text) : text;
    },
    encodeConfig: (value) => encodeLabeledConfig(value, formatLabeledPrefix(value)),

    nextHop,
    policyView: (value) => labeledPrefixView(afi, safi, value),
    // ExaBGP's `announce route <prefix> rd <rd> label <label> ...`: an rd makes an L3VPN route, a label alone a labeled one.
    routeQualifiers: {
      words: ['rd', 'route-distinguisher', 'label'],
      // A neighbor's routes: { "prefix": "10.0.0.0/25", "rd": "65000:1", "labels": [1000], "nextHop": ... }.
      configKeys: { rd: 'rd', labels: 'label' },
      nlri(prefix, qualifiers, named, withdraw) {
        const rd = qualifiers.get('rd') ?? qualifiers.get('route-distinguisher');
        if (!named && (vpn ? !rd : rd || !qualifiers.has('label'))) return undefined;
        const words = new Map(qualifiers);
        if (rd) words.set('rd', rd);
        return fromWords(prefix, words, withdraw);
      },
    },
  };
}

export const ipv4LabeledFamily = labeledFamily(Afi.IPV4, Safi.MPLS_LABEL as 4);
export const ipv6LabeledFamily = labeledFamily(Afi.IPV6, Safi.MPLS_LABEL as 4);
export const ipv4VpnFamily = labeledFamily(Afi.IPV4, Safi.MPLS_VPN as 128);
export const ipv6VpnFamily = labeledFamily(Afi.IPV6, Safi.MPLS_VPN as 128);
