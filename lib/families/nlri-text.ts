/**
 * The canonical text of NLRI in a list, through the list's family: for logs, Kafka keys and error
 * texts that need one NLRI or all of them without knowing how the family holds them (packed IPv4
 * numbers, or values a family keeps behind its texts). Reading `prefixes` of a compact list would
 * make the text of all of it; nlriTextAt makes one.
 */
import type { NlriSource } from '../wire/nlri/nlri-codec';
import type { Family } from '../wire/types';
import { FAMILY_REGISTRY } from './index';

type FamilyList = NlriSource & Family;

/** The text of NLRI i (a family rxbgp does not carry: the list's own text). */
export function nlriTextAt(list: FamilyList, i: number): string {
  const family = FAMILY_REGISTRY.get(list.afi, list.safi);
  return family ? family.formatText(family.nlriAt(list, i)) : list.prefixes[i];
}

/** The texts of every NLRI of a list, as a new array. */
export function nlriTexts(list: FamilyList): string[] {
  const family = FAMILY_REGISTRY.get(list.afi, list.safi);
  if (!family) return [...list.prefixes];
  const n = family.wire.count(list);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = family.formatText(family.nlriAt(list, i));
  return out;
}
