/**
 * RFC 1997 communities as text: "65001:100" (AS:value, each 0..65535), a well-known name
 * ("no-export", "blackhole", ...) or a plain uint32. Shared by the config and the process API.
 */
import { WellKnownCommunity } from './iana';

/** "no-export" <-> 0xFFFFFF01, derived from iana.ts so the names and values cannot drift apart. */
const BY_NAME = new Map<string, number>(
  Object.entries(WellKnownCommunity).map(([key, value]) => [key.toLowerCase().replace(/_/g, '-'), value]),
);
const BY_VALUE = new Map<number, string>([...BY_NAME].map(([name, value]) => [value, name]));

/** Well-known community names accepted by parseCommunity (RFC 1997, 3765, 7611, 7999, 8326). */
export const WELL_KNOWN_COMMUNITY_NAMES: readonly string[] = [...BY_NAME.keys()];

const U16 = /^\d{1,5}$/;
const U32 = /^\d{1,10}$/;

/** The community as a uint32 (AS << 16 | value), or what was expected ("expected AS:value ..."). */
export function parseCommunity(text: string): number | string {
  const named = BY_NAME.get(text.toLowerCase());
  if (named !== undefined) return named;
  const colon = text.indexOf(':');
  if (colon === -1) {
    if (U32.test(text) && Number(text) <= 0xffffffff) return Number(text);
    return `expected a community: AS:value (each 0..65535) or one of ${WELL_KNOWN_COMMUNITY_NAMES.join(', ')}`;
  }
  const high = text.slice(0, colon);
  const low = text.slice(colon + 1);
  if (!U16.test(high) || !U16.test(low) || Number(high) > 0xffff || Number(low) > 0xffff) {
    return 'expected a community AS:value with each part 0..65535';
  }
  return (Number(high) * 0x10000 + Number(low)) >>> 0;
}

/** Text of a community: its well-known name when it has one, else "AS:value". */
export function formatCommunity(value: number): string {
  return BY_VALUE.get(value) ?? `${value >>> 16}:${value & 0xffff}`;
}
