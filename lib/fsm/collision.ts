/** Connection collision resolution (RFC 4271 §6.8, RFC 6286 §2.3). */
import { parseIpv4 } from '../wire/address';

/**
 * Which of two connections to one peer survives. RFC 4271 §6.8: the identifiers are compared as unsigned
 * 32-bit integers and the connection initiated by the speaker with the larger one is kept; so when ours is
 * smaller we close the connection we initiated. RFC 6286 §2.3: on equal identifiers the larger AS wins.
 * Equal identifiers and equal ASes cannot get this far (RFC 6286 §2.2 rejects the OPEN with 2/3);
 * we keep our outgoing connection then, as on a tie of identifiers with a larger local AS.
 */
export function collisionWinner(
  localId: string,
  remoteId: string,
  localAs: number,
  remoteAs: number,
): 'keep-outgoing' | 'keep-incoming' {
  const local = parseIpv4(localId) ?? 0;
  const remote = parseIpv4(remoteId) ?? 0;
  if (local !== remote) return local < remote ? 'keep-incoming' : 'keep-outgoing';
  return localAs < remoteAs ? 'keep-incoming' : 'keep-outgoing';
}
