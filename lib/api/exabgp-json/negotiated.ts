/**
 * "negotiated" events (json.py `_negotiated()`), sent when the OPEN exchange is done. ExaBGP derives
 * each field from the two OPENs (bgp/message/open/capability/negotiated.py); the same rules are
 * applied here to the OPENs kept in Negotiated so the event reads the same:
 * families are the peer's Multiprotocol families we also sent (none unless both sent one),
 * "refresh" needs code 2 (or 70 for "enhanced") from both sides, Cisco's 128 does not count.
 */
import type { Negotiated } from '../../wire/session-outcome';
import { CapabilityCode } from '../../wire/iana';
import { familyKey, type OpenMessage } from '../../wire/types';
import { capabilityCode, MULTISESSION, MULTISESSION_CISCO, nextHopTriples, OPERATIONAL } from './capability-code';
import { neighborEvent, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';
import { afiName, familyName } from '../../wire/family-names';

function codeAnnounced(open: OpenMessage, code: number): boolean {
  return open.capabilities.some((cap) => capabilityCode(cap) === code);
}

function both(n: Negotiated, code: number): boolean {
  return codeAnnounced(n.localOpen, code) && codeAnnounced(n.peerOpen, code);
}

/** RFC 4760 families, in the peer's order, that both OPENs list. */
function families(n: Negotiated): Array<{ afi: number; safi: number }> {
  if (!both(n, CapabilityCode.MULTIPROTOCOL)) return [];
  const ours = new Set<number>();
  for (const cap of n.localOpen.capabilities) if (cap.kind === 'multiprotocol') ours.add(familyKey(cap.afi, cap.safi));
  const out: Array<{ afi: number; safi: number }> = [];
  for (const cap of n.peerOpen.capabilities) {
    if (cap.kind === 'multiprotocol' && ours.has(familyKey(cap.afi, cap.safi))) out.push({ afi: cap.afi, safi: cap.safi });
  }
  return out;
}

/** RFC 8950 extended next hop triples of one OPEN as "afi safi nexthop-afi". */
function nextHopConversions(open: OpenMessage): string[] {
  const out: string[] = [];
  for (const cap of open.capabilities) {
    if (cap.kind !== 'unknown' || cap.code !== CapabilityCode.EXTENDED_NEXT_HOP) continue;
    for (const [afi, safi, nextHopAfi] of nextHopTriples(cap.value)) {
      const text = `${familyName(afi, safi)} ${afiName(nextHopAfi)}`;
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}

function refresh(n: Negotiated): string {
  if (both(n, CapabilityCode.ENHANCED_ROUTE_REFRESH)) return 'enhanced';
  if (both(n, CapabilityCode.ROUTE_REFRESH)) return 'normal';
  return 'absent';
}

/** The `"negotiated": { … } ` member (also what ExaBGP appends to messages when asked for it). */
export function negotiatedContent(n: Negotiated): string {
  const fams = families(n);
  const names = fams.map((f) => `"${familyName(f.afi, f.safi)}"`);
  const ourConversions = new Set(nextHopConversions(n.localOpen));
  const conversions = both(n, CapabilityCode.EXTENDED_NEXT_HOP)
    ? nextHopConversions(n.peerOpen).filter((c) => ourConversions.has(c))
    : [];
  // RFC 7911: families where path identifiers flow in each direction.
  const send = fams.filter((f) => n.addPathSend.has(familyKey(f.afi, f.safi))).map((f) => `"${familyName(f.afi, f.safi)}"`);
  const receive = fams.filter((f) => n.addPathReceive.has(familyKey(f.afi, f.safi))).map((f) => `"${familyName(f.afi, f.safi)}"`);
  const multisession = both(n, MULTISESSION) || both(n, MULTISESSION_CISCO);
  return (
    `"negotiated": { "message_size": ${n.extendedMessage ? 65535 : 4096}, "hold_time": ${n.holdTime}, ` +
    `"asn4": ${n.asn4}, "multisession": ${multisession}, "operational": ${both(n, OPERATIONAL)}, ` +
    `"refresh": "${refresh(n)}", "families": [ ${names.join(' ,')} ], ` +
    `"nexthop": [ ${conversions.map((c) => `"${c}"`).join(' ,')} ], ` +
    `"add_path": { "send": [ ${send.join(', ')} ], "receive": [ ${receive.join(', ')} ] } } `
  );
}

export function negotiatedJson(src: JsonEnvelopeSource, n: JsonNeighbor, negotiated: Negotiated): string {
  return neighborEvent(src, n, 'negotiated', undefined, negotiatedContent(negotiated));
}
