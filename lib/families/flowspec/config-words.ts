/**
 * Small helpers for the flow route's JSON-config errors: "did you mean" for a mistyped key (over
 * lib/wire/nearest-key.ts's edit distance, also ignoring dashes and allowing abbreviations) and a
 * short description of a found value (lib/wire/describe-value.ts, as lib/config says it).
 */
import { editDistance } from '../../wire/nearest-key';

export { describeValue as describeConfigValue } from '../../wire/describe-value';

/**
 * The allowed key nearest to `key` ignoring case and, for keys, dashes and underscores (so
 * ExaBGP's "destination-port" finds "destinationPort"), or undefined when none is a plausible typo.
 */
export function nearestConfigKey(key: string, allowed: readonly string[], ignoreDashes = true): string | undefined {
  const plain = (s: string): string => (ignoreDashes ? s.toLowerCase().replace(/[-_]/g, '') : s.toLowerCase());
  const wanted = plain(key);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of allowed) {
    const d = editDistance(wanted, plain(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ?? abbreviated(wanted, allowed, plain);
}

/**
 * The shortest allowed key that `wanted` abbreviates: same first letter, and its letters in order
 * ("dstPort" and "dport" for "destinationPort", "proto" for "protocol"), too far apart for an
 * edit distance to find.
 */
function abbreviated(wanted: string, allowed: readonly string[], plain: (s: string) => string): string | undefined {
  if (wanted.length < 3) return undefined;
  let best: string | undefined;
  for (const candidate of allowed) {
    const c = plain(candidate);
    if (c[0] !== wanted[0]) continue;
    let at = 0;
    for (let i = 0; i < c.length && at < wanted.length; i++) if (c[i] === wanted[at]) at++;
    if (at === wanted.length && (best === undefined || candidate.length < best.length)) best = candidate;
  }
  return best;
}


const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `path.key`, or `path["odd key"]` (as lib/config writes paths). */
export function joinConfigKey(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}
