/**
 * RFC 4360 extended communities as ExaBGP's text prints them: sorted by their octets, one bare or
 * several between "[ " and " ]". Each text is its class's __repr__, the very string ExaBGP's JSON
 * puts in "string" (community/extended/community.py json()), so it is taken from the JSON
 * encoder; a community ExaBGP has no class for is "0x" and its 16 upper-case hex digits.
 */
import { extendedCommunityJson } from '../exabgp-json/extended-community';

const JSON_FORM = /^\{ "value": (\d+), "string": "(.*)" \}$/;

interface Printed {
  /** The octets ExaBGP holds (and sorts on): rebuilt from the fields for MAC mobility. */
  readonly value: bigint;
  readonly text: string;
}

function printed(community: bigint): Printed {
  const match = JSON_FORM.exec(extendedCommunityJson(community));
  if (!match) throw new Error(`unexpected extended community JSON for ${community}`);
  const value = BigInt(match[1]);
  const raw = BigInt.asUintN(64, community);
  const text = match[2] || `0x${raw.toString(16).toUpperCase().padStart(16, '0')}`;
  return { value, text };
}

export function extendedCommunityText(communities: readonly bigint[]): string {
  const items = communities.map(printed).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return items.length === 1 ? items[0].text : `[ ${items.map((i) => i.text).join(' ')} ]`;
}
