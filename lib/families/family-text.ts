/**
 * Address families as ExaBGP spells them ("ipv4 unicast", "l2vpn evpn"), to and from
 * AFI/SAFI numbers (RFC 4760). The config accepts only CONFIG_FAMILIES, the families
 * rxbgp carries (one descriptor each in lib/families); the whole table (lib/wire/family-names.ts,
 * where the session layer can name families in its logs too) is here for the process API and logs.
 */
import { FAMILIES } from '.';
import { FAMILY_NAMES, formatFamily } from '../wire/family-names';
import type { Family } from '../wire/types';

export { formatFamily };

const BY_NAME = new Map<string, Family>(FAMILY_NAMES.map(([name, afi, safi]) => [name, { afi, safi }]));

/** Families a neighbor may negotiate and carry configured routes for: every family in the registry. */
export const CONFIG_FAMILIES: readonly string[] = FAMILIES.map((family) => family.name);

/** AFI/SAFI of a family name (case and repeated spaces ignored), or undefined. */
export function parseFamily(text: string): Family | undefined {
  return BY_NAME.get(text.trim().toLowerCase().replace(/\s+/g, ' '));
}
