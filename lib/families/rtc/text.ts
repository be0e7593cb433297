/**
 * RTC routes as text. Neither ExaBGP 4.2 nor 5 reads RTC routes from its API or config, so the words
 * are rxbgp's, after RFC 4684 §4's fields: `origin-as 65000 route-target target:65000:100`, with
 * `prefix-length N` for a shorter prefix (`prefix-length 0`: the default route target constraint).
 * JSON and text events follow ExaBGP 5 (bgp/message/update/nlri/rtc.py json() and __str__:
 * `{ "origin": 65000, "route-target": "target:65000:100" }`, "rtc 65000:target:65000:100",
 * `{ "origin": 0, "route-target": null }`, "rtc wildcard"), which ExaBGP 4.2 cannot negotiate;
 * a prefix shorter than 96 bits, which neither ExaBGP reads, adds its "prefix-length".
 */
import { formatIpv4Number } from '../../wire/address';
import { formatExtendedCommunity, parseExtendedCommunity } from '../../wire/extended-community-text';
import type { FamilyParse } from '../family-descriptor';
import { maskRouteTarget, ORIGIN_BITS, RTC_FULL_BITS, type RtcNlri } from './types';

export const RTC_WORDS = ['origin-as', 'route-target', 'prefix-length'] as const;

/** Canonical text, the RIB key: "origin-as 65000 route-target target:65000:100" [prefix-length N]. */
export function formatRtc(v: RtcNlri): string {
  if (v.bits === 0) return 'prefix-length 0';
  const rt = v.bits > ORIGIN_BITS ? ` route-target ${formatExtendedCommunity(v.rt)}` : '';
  return `origin-as ${v.origin}${rt}${v.bits === RTC_FULL_BITS ? '' : ` prefix-length ${v.bits}`}`;
}

/** An RTC NLRI from its words' values (undefined: the word was not given). */
export function rtcOfWords(words: ReadonlyMap<string, string | undefined>): FamilyParse<RtcNlri> {
  const lengthText = words.get('prefix-length');
  const originText = words.get('origin-as');
  const rtText = words.get('route-target');
  let bits = RTC_FULL_BITS;
  if (lengthText !== undefined) {
    if (!/^\d{1,2}$/.test(lengthText) || (Number(lengthText) !== 0 && (Number(lengthText) < ORIGIN_BITS || Number(lengthText) > RTC_FULL_BITS))) {
      return { ok: false, error: `prefix-length must be 0 or 32..96 (RFC 4684 §4), not "${lengthText}"` };
    }
    bits = Number(lengthText);
  } else if (rtText === undefined) {
    return { ok: false, error: 'an rtc route needs route-target (or prefix-length 0 for the default route, prefix-length 32 for an origin AS alone)' };
  }
  if (bits === 0) {
    if (originText !== undefined || rtText !== undefined) return { ok: false, error: 'the default rtc route (prefix-length 0) has no origin-as or route-target' };
    return { ok: true, value: { bits: 0, origin: 0, rt: 0n } };
  }
  if (originText === undefined) return { ok: false, error: 'an rtc route needs origin-as (RFC 4684 §4)' };
  const origin = parseAsn(originText);
  if (origin === undefined) return { ok: false, error: `origin-as must be an AS number 0..4294967295, not "${originText}"` };
  if (bits === ORIGIN_BITS) {
    if (rtText !== undefined) return { ok: false, error: 'prefix-length 32 covers the origin AS only: no route-target' };
    return { ok: true, value: { bits, origin, rt: 0n } };
  }
  if (rtText === undefined) return { ok: false, error: `prefix-length ${bits} needs a route-target` };
  const rt = parseExtendedCommunity(/^\d/.test(rtText) && !/^0x/i.test(rtText) ? `target:${rtText}` : rtText);
  if (typeof rt === 'string') return { ok: false, error: `route-target "${rtText}": ${rt}` };
  const kept = maskRouteTarget(rt, bits - ORIGIN_BITS);
  if (kept !== rt) return { ok: false, error: `route-target ${rtText} has bits set past prefix-length ${bits}` };
  return { ok: true, value: { bits, origin, rt } };
}

function parseAsn(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) return undefined;
  return Number(text);
}

/** formatRtc's inverse. */
export function parseRtc(text: string): FamilyParse<RtcNlri> {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length % 2) return { ok: false, error: `"${text}": expected word value pairs (origin-as 65000 route-target target:65000:100)` };
  const words = new Map<string, string>();
  for (let i = 0; i < tokens.length; i += 2) {
    if (!(RTC_WORDS as readonly string[]).includes(tokens[i])) return { ok: false, error: `"${text}": unknown word "${tokens[i]}" (expected ${RTC_WORDS.join(', ')})` };
    words.set(tokens[i], tokens[i + 1]);
  }
  return rtcOfWords(words);
}

function pathJson(pathId: number | undefined): string {
  return pathId === undefined ? '' : `, "path-information": "${formatIpv4Number(pathId)}"`;
}

/** ExaBGP 5's RTC.json(), "prefix-length" added for a prefix shorter than 96 bits, path id as for INET. */
export function rtcJsonItem(v: RtcNlri, pathId: number | undefined): string {
  if (v.bits === 0) return `{ "origin": 0, "route-target": null${pathJson(pathId)} }`;
  const rt = v.bits > ORIGIN_BITS ? `"${formatExtendedCommunity(v.rt)}"` : 'null';
  const length = v.bits === RTC_FULL_BITS ? '' : `, "prefix-length": ${v.bits}`;
  return `{ "origin": ${v.origin}, "route-target": ${rt}${length}${pathJson(pathId)} }`;
}

/** ExaBGP 5's str(RTC): "rtc 65000:target:65000:100", "rtc wildcard"; "/N" after a shorter prefix. */
export function rtcTextItem(v: RtcNlri, pathId: number | undefined, nextHop?: string): string {
  const path = pathId === undefined ? '' : ` path-information ${formatIpv4Number(pathId)}`;
  const hop = nextHop === undefined ? '' : ` next-hop ${nextHop}`;
  if (v.bits === 0) return `rtc wildcard${path}${hop}`;
  const rt = v.bits > ORIGIN_BITS ? `:${formatExtendedCommunity(v.rt)}` : '';
  return `rtc ${v.origin}${rt}${v.bits === RTC_FULL_BITS ? '' : `/${v.bits}`}${path}${hop}`;
}
