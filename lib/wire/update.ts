/**
 * The UPDATE message body (RFC 4271 §4.3), after the 19-octet header:
 *
 *   Withdrawn Routes Length (2) | Withdrawn Routes | Total Path Attribute Length (2) |
 *   Path Attributes | Network Layer Reachability Information
 *
 * with the error handling of RFC 7606: only errors that leave the message unparseable
 * reset the session (thrown BgpError); the others come back as `errorAction`.
 */
import { AttrAction } from './errors';
import { Afi, Safi } from './iana';
import { decodePathAttributes, encodePathAttributes, malformedAttributeList, mergeAs4 } from './attributes';
import { readU16 } from './attributes/attribute-codec';
import { encodeNlriRun, ipv4Unicast, type NlriRun } from './nlri';
import { familyKey, type Announced, type CodecContext, type NlriList, type UpdateMessage } from './types';
import type { Writer } from './writer';

const IPV4_UNICAST = familyKey(Afi.IPV4, Safi.UNICAST);

/**
 * Decodes the UPDATE body in buf[start, end). Throws only BgpError (UPDATE Message Error with
 * the RFC 4271 §6.3 subcode and data) when the session must be reset.
 */
export function decodeUpdate(buf: Buffer, start: number, end: number, ctx: CodecContext): UpdateMessage {
  // RFC 4271 §6.3: length fields that do not fit the message => Malformed Attribute List.
  if (end - start < 4) throw malformedAttributeList('UPDATE shorter than its two length fields');
  const withdrawnStart = start + 2;
  const withdrawnEnd = withdrawnStart + readU16(buf, start);
  if (withdrawnEnd + 2 > end) throw malformedAttributeList('Withdrawn Routes Length runs past the message');
  const attributesStart = withdrawnEnd + 2;
  const attributesEnd = attributesStart + readU16(buf, withdrawnEnd);
  if (attributesEnd > end) throw malformedAttributeList('Total Path Attribute Length runs past the message');

  const v4AddPath = ctx.addPath.has(IPV4_UNICAST);
  const withdrawn: NlriList[] = [];
  // RFC 7606 §5.3: the Withdrawn Routes field is checked like the NLRI field (3/10 when broken).
  if (withdrawnEnd > withdrawnStart) {
    withdrawn.push(ipv4Unicast.decodeField({ afi: Afi.IPV4, safi: Safi.UNICAST }, buf, withdrawnStart, withdrawnEnd, v4AddPath));
  }
  const hasNlri = attributesEnd < end;
  const list = decodePathAttributes(buf, attributesStart, attributesEnd, ctx, hasNlri || withdrawn.length > 0);
  const { attributes, mpReach, mpUnreach } = list.parts;
  let action = list.action;

  const announced: Announced[] = [];
  if (hasNlri) {
    const head = { afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: attributes.nextHop ? [attributes.nextHop] : [] };
    announced.push(ipv4Unicast.decodeField(head, buf, attributesEnd, end, v4AddPath));
  }
  if (mpReach) announced.push(mpReach);
  if (mpUnreach) withdrawn.push(mpUnreach);
  // RFC 8955 §4.2 / RFC 7606 §2: a malformed NLRI the family could step over (FlowSpec) => treat-as-withdraw.
  if ((mpReach as NlriRun | undefined)?.malformed || (mpUnreach as NlriRun | undefined)?.malformed) {
    action = Math.max(action, AttrAction.TREAT_AS_WITHDRAW);
  }

  // RFC 7606 §3.d: a missing well-known mandatory attribute => treat-as-withdraw. ORIGIN and
  // AS_PATH go with any reachable NLRI (RFC 4760 §3 for MP_REACH_NLRI), NEXT_HOP with the
  // classic NLRI field only. An UPDATE that only withdraws needs none.
  if (hasNlri || mpReach) {
    if (attributes.origin === undefined || attributes.asPath === undefined || (hasNlri && attributes.nextHop === undefined)) {
      action = Math.max(action, AttrAction.TREAT_AS_WITHDRAW);
    }
  }
  // RFC 6793 §4.2.3: an OLD (2-octet) peer's path is rebuilt from AS4_PATH / AS4_AGGREGATOR.
  // From a NEW peer those attributes are ignored (RFC 6793 §4.1), but still shown as received.
  if (!ctx.asn4) mergeAs4(attributes);

  const message: { -readonly [K in keyof UpdateMessage]: UpdateMessage[K] } = { type: 'update', withdrawn, attributes, announced };
  if (action === AttrAction.TREAT_AS_WITHDRAW) message.errorAction = 'treat-as-withdraw';
  else if (action === AttrAction.DISCARD) message.errorAction = 'discard';
  if (list.discarded.length > 0) message.discarded = list.discarded;
  return message;
}

/**
 * Writes the UPDATE body (no header). IPv4 unicast lists without `mp` use the classic
 * Withdrawn Routes / NLRI fields; every other list becomes MP_UNREACH_NLRI / MP_REACH_NLRI,
 * so at most one of each fits one UPDATE. Throws a plain Error for a message that cannot be
 * encoded (two MP families, an invalid prefix or address, a field over 65535 octets).
 * It does not add missing mandatory attributes: what is asked is what is written.
 */
export function encodeUpdateBody(w: Writer, msg: UpdateMessage, ctx: CodecContext): void {
  let classicWithdrawn: NlriList | undefined;
  let mpUnreach: NlriList | undefined;
  for (const list of msg.withdrawn) {
    if (isClassic(list)) classicWithdrawn = only(classicWithdrawn, list, 'classic Withdrawn Routes');
    else mpUnreach = only(mpUnreach, list, 'MP_UNREACH_NLRI');
  }
  let nlri: Announced | undefined;
  let mpReach: Announced | undefined;
  for (const list of msg.announced) {
    if (isClassic(list)) nlri = only(nlri, list, 'classic NLRI');
    else mpReach = only(mpReach, list, 'MP_REACH_NLRI');
  }
  const v4AddPath = ctx.addPath.has(IPV4_UNICAST);

  const withdrawnAt = w.reserve(2);
  if (classicWithdrawn) encodeNlriRun(w, ipv4Unicast, classicWithdrawn, v4AddPath);
  patchLength(w, withdrawnAt, 'Withdrawn Routes');

  const attributesAt = w.reserve(2);
  encodePathAttributes(w, { attributes: msg.attributes, nlri, mpReach, mpUnreach }, ctx);
  patchLength(w, attributesAt, 'Path Attributes');

  if (nlri) encodeNlriRun(w, ipv4Unicast, nlri, v4AddPath);
}

/**
 * IPv4 unicast in the classic fields (RFC 4271) rather than in MP attributes (RFC 4760): not when
 * it came in MP_REACH/MP_UNREACH, nor when its next hop is IPv6 (RFC 8950 §3: such routes travel
 * in MP_REACH_NLRI, with a 16- or 32-octet next hop; NEXT_HOP holds only IPv4).
 */
export function isClassic(list: NlriList): boolean {
  return list.afi === Afi.IPV4 && list.safi === Safi.UNICAST && !list.mp && !hasIpv6NextHop(list);
}

function hasIpv6NextHop(list: NlriList): boolean {
  const hops = (list as Partial<Announced>).nextHop;
  return hops !== undefined && hops.length > 0 && hops[0].includes(':');
}

function only<T extends NlriList>(current: T | undefined, next: T, field: string): T {
  if (current) throw new Error(`an UPDATE has room for one ${field} list (${current.afi}/${current.safi} and ${next.afi}/${next.safi} given)`);
  return next;
}

/** Patches the 2-octet length field at `at` with the size of what follows it. */
function patchLength(w: Writer, at: number, field: string): void {
  const length = w.pos - at - 2;
  if (length > 0xffff) throw new Error(`${field} of ${length} octets does not fit a 2-octet length`);
  w.patch(at, 2, length);
}
