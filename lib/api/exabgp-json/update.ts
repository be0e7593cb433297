/**
 * UPDATE events (exabgp/reactor/api/response/json.py `_update()`):
 *
 *   "message": { "update": { "attribute": {…}, "announce": { "<afi> <safi>": { "<next hop>": [ {…}, … ] } },
 *                            "withdraw": { "<afi> <safi>": [ {…}, … ] } } }
 *
 * or `"message": { "eor": { "afi" : "ipv4", "safi" : "unicast" } }` for an End-of-RIB (RFC 4724 §2).
 * Families appear in the order ExaBGP meets them: the IPv4 fields of the UPDATE first, then
 * MP_UNREACH / MP_REACH. The string is built directly: no object per prefix.
 */
import { Afi, Safi } from '../../wire/iana';
import { DEFAULT_CONTEXT, type CodecContext, type NlriList, type UpdateMessage } from '../../wire/types';
import { isClassic } from '../../wire/update';
import { nlriJsonItems } from '../nlri-items';
import { attributeMembers, hasAttributes } from './attributes';
import { neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';
import { afiName, familyName, safiName } from '../../wire/family-names';

/** ExaBGP's key for announced routes without a next hop (an IPv4 UPDATE lacking NEXT_HOP). */
const NO_NEXT_HOP = 'no-nexthop';

/** The IPv4 Withdrawn Routes / NLRI fields come before MP_UNREACH / MP_REACH, as ExaBGP parses them. */
function classicFirst<T extends NlriList>(lists: readonly T[]): readonly T[] {
  let sawOther = false;
  for (const list of lists) {
    if (!isClassic(list)) sawOther = true;
    else if (sawOther) return [...lists.filter(isClassic), ...lists.filter((l) => !isClassic(l))];
  }
  return lists;
}

/** Appends the NLRI of a list (their family's JSON items), `times` each in a row (see nextHopsOf), to a comma-separated run. */
function appendNlri(run: string | undefined, list: NlriList, times = 1): string {
  let out = run ?? '';
  for (const item of nlriJsonItems(list)) {
    for (let t = 0; t < times; t++) out += out ? `, ${item}` : item;
  }
  return out;
}

/**
 * ExaBGP's MP_REACH decoder reads each prefix once per next hop, so with a global and a
 * link-local next hop (RFC 2545 §3) every prefix is listed under both.
 */
function nextHopsOf(list: { readonly nextHop: readonly string[] }): readonly string[] {
  return list.nextHop.length ? list.nextHop : [NO_NEXT_HOP];
}

function announceSection(msg: UpdateMessage): string {
  const groups = new Map<string, Map<string, string>>();
  for (const list of classicFirst(msg.announced)) {
    if (list.prefixes.length === 0) continue;
    const family = familyName(list.afi, list.safi);
    let byNextHop = groups.get(family);
    if (!byNextHop) groups.set(family, (byNextHop = new Map()));
    for (const nextHop of nextHopsOf(list)) byNextHop.set(nextHop, appendNlri(byNextHop.get(nextHop), list));
  }
  const families: string[] = [];
  for (const [family, byNextHop] of groups) {
    const hops: string[] = [];
    for (const [nextHop, run] of byNextHop) hops.push(`"${nextHop}": [ ${run} ]`);
    families.push(`"${family}": { ${hops.join(', ')} }`);
  }
  return families.length ? `"announce": { ${families.join(', ')} }` : '';
}

/**
 * Withdrawn routes per family. On a received UPDATE with RFC 7606 treat-as-withdraw, ExaBGP
 * turns every announced prefix into a withdrawal too (reactor/protocol.py), in parse order:
 * IPv4 withdrawn, IPv4 NLRI, MP_UNREACH, MP_REACH.
 */
function withdrawSection(msg: UpdateMessage, announcedAsWithdrawn: boolean): string {
  const groups = new Map<string, string>();
  const add = (list: NlriList, times: number): void => {
    if (list.prefixes.length === 0) return;
    const family = familyName(list.afi, list.safi);
    groups.set(family, appendNlri(groups.get(family), list, times));
  };
  const withdrawn = classicFirst(msg.withdrawn);
  const announced = announcedAsWithdrawn ? classicFirst(msg.announced) : [];
  for (const list of withdrawn) if (isClassic(list)) add(list, 1);
  for (const list of announced) if (isClassic(list)) add(list, 1);
  for (const list of withdrawn) if (!isClassic(list)) add(list, 1);
  for (const list of announced) if (!isClassic(list)) add(list, nextHopsOf(list).length);
  const families: string[] = [];
  for (const [family, run] of groups) families.push(`"${family}": [ ${run} ]`);
  return families.length ? `"withdraw": { ${families.join(', ')} }` : '';
}

function hasPrefixes(lists: readonly NlriList[]): boolean {
  for (const list of lists) if (list.prefixes.length) return true;
  return false;
}

/** The family of an End-of-RIB: the (empty) MP_UNREACH one, else IPv4 unicast (an empty UPDATE). */
function eorJson(msg: UpdateMessage): string {
  const mp = msg.withdrawn.find((l) => l.prefixes.length === 0 && !isClassic(l));
  const afi = mp ? mp.afi : Afi.IPV4;
  const safi = mp ? mp.safi : Safi.UNICAST;
  return `"eor": { "afi" : "${afiName(afi)}", "safi" : "${safiName(safi)}" }`;
}

/** What goes inside `"message": { … }` for this UPDATE. */
export function updateMessageBody(msg: UpdateMessage, direction: JsonDirection, ctx: CodecContext = DEFAULT_CONTEXT): string {
  const attributes = hasAttributes(msg);
  if (!attributes && !hasPrefixes(msg.announced) && !hasPrefixes(msg.withdrawn)) return eorJson(msg);
  const announcedAsWithdrawn = direction === 'receive' && msg.errorAction === 'treat-as-withdraw';
  const announce = announcedAsWithdrawn ? '' : announceSection(msg);
  const withdraw = withdrawSection(msg, announcedAsWithdrawn);
  const nlri = announce && withdraw ? `${announce}, ${withdraw}` : announce + withdraw;
  const attribute = attributes ? `"attribute": { ${attributeMembers(msg, ctx.asn4)} }` : '';
  return `"update": { ${attribute && nlri ? `${attribute}, ${nlri}` : attribute + nlri} }`;
}

/**
 * One UPDATE event line (no trailing newline). Direction 'in' is what `exabgp --decode` prints:
 * the message as parsed, without the session's treat-as-withdraw rewrite. `ctx` is the codec
 * context the message was decoded with (only its asn4 matters); 4-octet AS when omitted.
 */
export function updateJson(
  src: JsonEnvelopeSource,
  n: JsonNeighbor,
  msg: UpdateMessage,
  direction: JsonDirection,
  ctx: CodecContext = DEFAULT_CONTEXT,
): string {
  return neighborEvent(src, n, 'update', direction, `"message": { ${updateMessageBody(msg, direction, ctx)} }`);
}
