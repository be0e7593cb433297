/**
 * What an import policy must have written on every route a consumer counts (the MED, a community):
 * given to the consumer on its command line, so a run whose policies were silently off fails its
 * checks instead of passing with the routes as the peer sent them.
 */
import type { PathAttributes } from '../../lib/wire/types';

export interface AttributeExpectation {
  /** MULTI_EXIT_DISC every route must carry (RFC 4271 §5.1.4). */
  readonly med?: number;
  /** A community every route must carry, as its 32-bit value (RFC 1997: asn << 16 | value). */
  readonly community?: number;
}

const MED_FLAG = '--expect-med';
const COMMUNITY_FLAG = '--expect-community';

/** "asn:value", each 0–65535, as the 32-bit community; throws on anything else. */
export function communityOf(text: string): number {
  const m = /^(\d{1,5}):(\d{1,5})$/.exec(text);
  const asn = m ? Number(m[1]) : NaN;
  const value = m ? Number(m[2]) : NaN;
  if (!(asn <= 0xffff && value <= 0xffff)) throw new Error(`a community is "asn:value" with each from 0 to 65535, got "${text}"`);
  return asn * 0x10000 + value;
}

/** The consumer's arguments for an expectation: `--expect-med N --expect-community A:B`. */
export function expectationArgs(e: { readonly med?: number; readonly community?: string }): string[] {
  return [...(e.med !== undefined ? [MED_FLAG, String(e.med)] : []), ...(e.community !== undefined ? [COMMUNITY_FLAG, e.community] : [])];
}

/** Reads the flags expectationArgs writes; undefined when there are none. Throws on a flag it does not know or a bad value. */
export function parseExpectationArgs(args: readonly string[]): AttributeExpectation | undefined {
  let med: number | undefined;
  let community: number | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === MED_FLAG) {
      med = Number(value);
      if (!/^\d+$/.test(value) || med >= 2 ** 32) throw new Error(`${MED_FLAG}: an integer from 0 to ${2 ** 32 - 1}, got "${value}"`);
    } else if (flag === COMMUNITY_FLAG) community = communityOf(value);
    else throw new Error(`unknown argument "${flag}" (${MED_FLAG}, ${COMMUNITY_FLAG})`);
  }
  if (med === undefined && community === undefined) return undefined;
  return { ...(med !== undefined ? { med } : {}), ...(community !== undefined ? { community } : {}) };
}

/** True when `attributes` carry everything `e` asks for. */
export function meetsExpectation(attributes: PathAttributes, e: AttributeExpectation): boolean {
  if (e.med !== undefined && attributes.med !== e.med) return false;
  if (e.community !== undefined && !(attributes.communities ?? []).includes(e.community)) return false;
  return true;
}
