/**
 * VPLS routes as text: the words of ExaBGP's `announce vpls` (configuration/l2vpn/parser.py: rd,
 * endpoint, base, offset, size) read and printed, and ExaBGP 4.2's renderings (VPLS.json(),
 * VPLS.extensive()).
 */
import { formatIpv4Number } from '../../wire/address';
import type { FamilyParse } from '../family-descriptor';
import { formatRouteDistinguisher, parseRouteDistinguisher } from '../route-distinguisher';
import { MAX_LABEL, type VplsNlri } from './types';

/** The NLRI words, in ExaBGP's print order: what follows `announce vpls` (attributes aside). */
export const VPLS_WORDS = ['rd', 'endpoint', 'base', 'offset', 'size'] as const;

/** Canonical text, the RIB key: "rd 65000:1 endpoint 1 base 800000 offset 0 size 10". */
export function formatVpls(v: VplsNlri): string {
  return `rd ${formatRouteDistinguisher(v.rd)} endpoint ${v.endpoint} base ${v.base} offset ${v.offset} size ${v.size}`;
}

function number(word: string, text: string | undefined, max: number): number | string {
  if (text === undefined) return `a vpls route needs ${word} (RFC 4761 §3.2.2)`;
  if (!/^\d{1,7}$/.test(text) || Number(text) > max) return `${word} must be a number 0..${max}, not "${text}"`;
  return Number(text);
}

/** A VPLS NLRI from its words and their values (ExaBGP's VPLS.feedback() checks, with the RFC's ranges). */
export function vplsOfWords(words: ReadonlyMap<string, string | undefined>): FamilyParse<VplsNlri> {
  const rdText = words.get('rd') ?? words.get('route-distinguisher');
  if (rdText === undefined) return { ok: false, error: 'a vpls route needs rd (a route distinguisher, RFC 4761 §3.2.2)' };
  const rd = parseRouteDistinguisher(rdText);
  if (typeof rd === 'string') return { ok: false, error: `rd "${rdText}": ${rd}` };
  const endpoint = number('endpoint', words.get('endpoint'), 0xffff);
  const offset = number('offset', words.get('offset'), 0xffff);
  const size = number('size', words.get('size'), 0xffff);
  const base = number('base', words.get('base'), MAX_LABEL);
  for (const n of [endpoint, base, offset, size]) if (typeof n === 'string') return { ok: false, error: n };
  const value = { rd, endpoint, offset, size, base } as VplsNlri;
  // ExaBGP: "vpls nlri size inconsistency": the block's labels base .. base + size - 1 must be 20-bit labels.
  if (value.base > MAX_LABEL - value.size) return { ok: false, error: `base ${value.base} + size ${value.size} passes the largest label ${MAX_LABEL}` };
  return { ok: true, value };
}

/** formatVpls' inverse. */
export function parseVpls(text: string): FamilyParse<VplsNlri> {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length % 2) return { ok: false, error: `"${text}": expected word value pairs (rd 65000:1 endpoint 1 base 800000 offset 0 size 10)` };
  const words = new Map<string, string>();
  for (let i = 0; i < tokens.length; i += 2) {
    if (!(VPLS_WORDS as readonly string[]).includes(tokens[i])) return { ok: false, error: `"${text}": unknown word "${tokens[i]}" (expected ${VPLS_WORDS.join(', ')})` };
    words.set(tokens[i], tokens[i + 1]);
  }
  return vplsOfWords(words);
}

/** VPLS.json(), with the RFC 7911 path id as INET prints it (ExaBGP 4.2 reads none for VPLS). */
export function vplsJsonItem(v: VplsNlri, pathId: number | undefined): string {
  const path = pathId === undefined ? '' : `, "path-information": "${formatIpv4Number(pathId)}"`;
  return `{ "rd": "${formatRouteDistinguisher(v.rd)}", "endpoint": ${v.endpoint}, "base": ${v.base}, "offset": ${v.offset}, "size": ${v.size}${path} }`;
}

/**
 * VPLS.extensive(): "vpls rd 65000:1 endpoint 1 base 800000 offset 0 size 10 next-hop 192.0.2.1"; a
 * withdrawal has no next hop and ExaBGP leaves the space before it ("... size 10 ").
 */
export function vplsTextItem(v: VplsNlri, pathId: number | undefined, nextHop?: string): string {
  const path = pathId === undefined ? '' : ` path-information ${formatIpv4Number(pathId)}`;
  return `vpls ${formatVpls(v)}${path} ${nextHop === undefined ? '' : `next-hop ${nextHop}`}`;
}
