/**
 * UPDATE events as ExaBGP's text encoder writes them (reactor/api/response/text.py `update()`):
 *
 *   neighbor <peer> <direction> update start
 *   neighbor <peer> <direction> update withdrawn <prefix>[ path-information <id>][ next-hop <ip>]
 *   neighbor <peer> <direction> update announced <prefix>[ path-information <id>] next-hop <ip><attributes>
 *   neighbor <peer> <direction> update route eor <afi>/<safi> (<afi name> <safi name>)
 *   neighbor <peer> <direction> update end
 *
 * One line per route, in the order ExaBGP parses them: IPv4 Withdrawn Routes, IPv4 NLRI,
 * MP_UNREACH, MP_REACH (each MP_REACH prefix once per next hop, RFC 2545 §3 link-local included).
 * A withdrawn route prints its next hop only when it had one: announced routes turned into
 * withdrawals by RFC 7606 treat-as-withdraw on a received UPDATE.
 */
import { Afi, Safi } from '../../wire/iana';
import { DEFAULT_CONTEXT, type Announced, type CodecContext, type NlriList, type UpdateMessage } from '../../wire/types';
import { isClassic } from '../../wire/update';
import { nlriTextItems, nlriTextItemsWithNextHop } from '../nlri-items';
import { hasAttributes } from '../exabgp-json/attributes';
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';
import { afiName, safiName } from '../../wire/family-names';
import { attributesText } from './attributes';

function hasPrefixes(lists: readonly NlriList[]): boolean {
  for (const list of lists) if (list.prefixes.length) return true;
  return false;
}

/** EOR.extensive(): the family of the (empty) MP_UNREACH, else IPv4 unicast (an empty UPDATE, RFC 4724 §2). */
function eorText(msg: UpdateMessage): string {
  const mp = msg.withdrawn.find((l) => l.prefixes.length === 0 && !isClassic(l));
  const afi = mp ? mp.afi : Afi.IPV4;
  const safi = mp ? mp.safi : Safi.UNICAST;
  return `eor ${afi}/${safi} (${afiName(afi)} ${safiName(safi)})`;
}

/**
 * The event, lines joined with '\n', without the final newline. Direction 'in' is what
 * `exabgp --decode` uses: the message as parsed, without the session's treat-as-withdraw rewrite.
 * `ctx` is the codec context the message was decoded with (only its asn4 matters).
 */
export function updateText(n: JsonNeighbor, msg: UpdateMessage, direction: JsonDirection, ctx: CodecContext = DEFAULT_CONTEXT): string {
  const head = `neighbor ${n.peerAddress} ${direction} update`;
  let out = `${head} start\n`;
  if (!hasAttributes(msg) && !hasPrefixes(msg.announced) && !hasPrefixes(msg.withdrawn)) {
    return `${out}${head} route ${eorText(msg)}\n${head} end`;
  }
  const asWithdrawn = direction === 'receive' && msg.errorAction === 'treat-as-withdraw';
  // Computed once: ExaBGP caches str(attributes) too.
  const attributes = asWithdrawn ? '' : attributesText(msg, ctx.asn4);

  const withdrawn = (list: NlriList): void => {
    for (const item of nlriTextItems(list)) out += `${head} withdrawn ${item}\n`;
  };
  const announced = (list: Announced): void => {
    const verb = asWithdrawn ? 'withdrawn' : 'announced';
    const tail = asWithdrawn ? '' : attributes;
    const prefixes = nlriTextItems(list);
    // "<nlri> next-hop <ip>" per next hop, as the family places it (L3VPN: before the RD).
    const withNextHops = list.nextHop.map((nextHop) => nlriTextItemsWithNextHop(list, nextHop));
    for (let i = 0; i < prefixes.length; i++) {
      // An IPv4 route without NEXT_HOP: ExaBGP's NoNextHop prints nothing but is still "announced".
      if (list.nextHop.length === 0) out += `${head} ${verb} ${prefixes[i]}${tail}\n`;
      for (const items of withNextHops) out += `${head} ${verb} ${items[i]}${tail}\n`;
    }
  };

  for (const list of msg.withdrawn) if (isClassic(list)) withdrawn(list);
  for (const list of msg.announced) if (isClassic(list)) announced(list);
  for (const list of msg.withdrawn) if (!isClassic(list)) withdrawn(list);
  for (const list of msg.announced) if (!isClassic(list)) announced(list);
  return `${out}${head} end`;
}
