/**
 * End-of-RIB markers, RFC 4724 §2: for IPv4 unicast an UPDATE with no withdrawn routes, no
 * attributes and no NLRI; for any other family an UPDATE whose only content is an
 * MP_UNREACH_NLRI of that family with no withdrawn routes.
 */
import { Afi, Safi } from './iana';
import type { Family, UpdateMessage } from './types';

/** The family whose End-of-RIB this UPDATE is, or undefined when it is an ordinary UPDATE. */
export function endOfRib(msg: UpdateMessage): Family | undefined {
  if (msg.announced.length !== 0 || msg.errorAction !== undefined || Object.keys(msg.attributes).length !== 0) return undefined;
  if (msg.withdrawn.length === 0) return { afi: Afi.IPV4, safi: Safi.UNICAST };
  if (msg.withdrawn.length !== 1) return undefined;
  const [list] = msg.withdrawn;
  // An empty classic Withdrawn Routes list is never decoded as a list, so an empty list here
  // is an MP_UNREACH_NLRI (IPv4 unicast included: some speakers send it that way).
  if (list.prefixes.length !== 0) return undefined;
  return { afi: list.afi, safi: list.safi };
}

/** The End-of-RIB UPDATE of a family. */
export function endOfRibMessage(family: Family): UpdateMessage {
  if (family.afi === Afi.IPV4 && family.safi === Safi.UNICAST) {
    return { type: 'update', withdrawn: [], attributes: {}, announced: [] };
  }
  return { type: 'update', withdrawn: [{ afi: family.afi, safi: family.safi, prefixes: [] }], attributes: {}, announced: [] };
}
