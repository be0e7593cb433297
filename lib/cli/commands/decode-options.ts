/**
 * `rxbgp decode`'s session options: RFC 7911 ADD-PATH receive on every family rxbgp carries
 * (`--add-path`) or on the families `--add-path-family` names, so a captured ADD-PATH UPDATE
 * reads its 4-octet path identifiers as such instead of as prefixes.
 */
import { CONFIG_FAMILIES, parseFamily } from '../../families/family-text';
import { familyKey } from '../../wire/types';

/**
 * The familyKeys with ADD-PATH: `true` (`--add-path`) is every family; otherwise each value (one
 * `--add-path-family`) is a family name ("ipv4 unicast") or a comma-separated list of them.
 * Throws an Error naming a bad one.
 */
export function addPathFamilies(value: true | readonly string[] | undefined): Set<number> {
  const keys = new Set<number>();
  if (value === undefined) return keys;
  const names = value === true ? CONFIG_FAMILIES : value.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (names.length === 0) return addPathFamilies(true);
  for (const name of names) {
    const family = parseFamily(name);
    if (!family) throw new Error(`--add-path-family: unknown family "${name}" (one of ${CONFIG_FAMILIES.map((f) => `"${f}"`).join(', ')})`);
    keys.add(familyKey(family.afi, family.safi));
  }
  return keys;
}
