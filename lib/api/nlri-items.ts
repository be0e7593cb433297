/**
 * The NLRI of a list as ExaBGP's JSON and text encoders print them, from the list's family
 * descriptor (lib/families), so the event encoders name no family. A list of a family rxbgp does
 * not carry can only be empty when it comes off the wire (its NLRI are discarded, RFC 7606); one
 * built by hand prints its texts as ExaBGP prints prefixes.
 */
import { FAMILY_REGISTRY } from '../families';
import { inetJsonItems, inetTextItems } from '../families/ip-prefix/prefix-family';
import type { NlriList } from '../wire/types';

/** `{ "nlri": "10.0.0.0/24" }`, … : one JSON item per NLRI, in order. */
export function nlriJsonItems(list: NlriList): readonly string[] {
  const family = FAMILY_REGISTRY.get(list.afi, list.safi);
  return family ? family.exabgpJsonItems(list) : inetJsonItems(list);
}

/** `10.0.0.0/24 path-information 0.0.0.1`, … : one text item per NLRI, in order. */
export function nlriTextItems(list: NlriList): readonly string[] {
  const family = FAMILY_REGISTRY.get(list.afi, list.safi);
  return family ? family.exabgpTextItems(list) : inetTextItems(list);
}

/** `10.0.0.0/24 next-hop 192.0.2.1`, … : each NLRI of an announced list with this next hop, where its family prints it. */
export function nlriTextItemsWithNextHop(list: NlriList, nextHop: string): readonly string[] {
  const family = FAMILY_REGISTRY.get(list.afi, list.safi);
  if (family?.exabgpTextItemsWithNextHop) return family.exabgpTextItemsWithNextHop(list, nextHop);
  return nlriTextItems(list).map((item) => `${item} next-hop ${nextHop}`);
}
