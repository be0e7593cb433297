/**
 * OPEN validation (RFC 4271 §6.2) and capability negotiation (RFC 5492): what both sides agreed on,
 * or the BgpError whose NOTIFICATION rejects the peer's OPEN.
 */
import { extendedNextHopFamilies } from '../wire/capabilities/extended-next-hop';
import { BgpError } from '../wire/errors';
import { AS_TRANS, AddPathMode, Afi, BGP_VERSION, ErrorCode, OpenSubcode, Safi } from '../wire/iana';
import { parseIpv4 } from '../wire/address';
import { familyKey } from '../wire/types';
import type { Capability, Family, OpenMessage } from '../wire/types';
import type { Negotiated, PeerSettings } from './types';

/** RFC 4271 §6.2: the Data of Unsupported Version Number is the largest version we support below the bid: 4. */
const VERSION_DATA = Buffer.from([0, BGP_VERSION]);

const IPV4_UNICAST: readonly Family[] = [{ afi: Afi.IPV4, safi: Safi.UNICAST }];

function openError(subcode: number, message: string, data?: Buffer): BgpError {
  return new BgpError(ErrorCode.OPEN_MESSAGE, subcode, data, message);
}

function find<K extends Capability['kind']>(open: OpenMessage, kind: K): Extract<Capability, { kind: K }> | undefined {
  for (const c of open.capabilities) if (c.kind === kind) return c as Extract<Capability, { kind: K }>;
  return undefined;
}

function has(open: OpenMessage, kind: Capability['kind']): boolean {
  return find(open, kind) !== undefined;
}

/** RFC 6793 §4.1: the 4-octet AS capability carries the real AS; My AS is only meaningful without it. */
function peerAsOf(open: OpenMessage): number | BgpError {
  const asn4 = find(open, 'asn4');
  if (asn4 === undefined) return open.myAs;
  if (asn4.asn > 0xffff && open.myAs !== AS_TRANS) {
    return openError(OpenSubcode.BAD_PEER_AS, `My AS ${open.myAs} should be AS_TRANS for 4-octet AS ${asn4.asn}`);
  }
  return asn4.asn;
}

/** RFC 4760 §8: a speaker that sends no Multiprotocol capability at all speaks IPv4 unicast only. */
function familiesOf(open: OpenMessage): readonly Family[] {
  const families: Family[] = [];
  for (const c of open.capabilities) if (c.kind === 'multiprotocol') families.push({ afi: c.afi, safi: c.safi });
  return families.length > 0 ? families : IPV4_UNICAST;
}

/** RFC 7911 §4 Send/Receive field per familyKey, from an OPEN's ADD-PATH capabilities. */
function addPathModes(open: OpenMessage): Map<number, number> {
  const modes = new Map<number, number>();
  for (const c of open.capabilities) {
    if (c.kind !== 'add-path') continue;
    for (const f of c.families) modes.set(familyKey(f.afi, f.safi), f.mode);
  }
  return modes;
}

/**
 * Validates the peer's OPEN against our settings and the OPEN we sent, and agrees on the session parameters.
 * Checks run in RFC 4271 §6.2's order: version, My AS, Hold Time, BGP Identifier, Optional Parameters.
 */
export function negotiate(
  settings: PeerSettings,
  localOpen: OpenMessage,
  peerOpen: OpenMessage,
): Negotiated | BgpError {
  if (peerOpen.version !== BGP_VERSION) {
    return openError(OpenSubcode.UNSUPPORTED_VERSION_NUMBER, `unsupported version ${peerOpen.version}`, VERSION_DATA);
  }

  const peerAs = peerAsOf(peerOpen);
  if (peerAs instanceof BgpError) return peerAs;
  if (peerAs !== settings.peerAs) {
    return openError(OpenSubcode.BAD_PEER_AS, `peer AS ${peerAs}, expected ${settings.peerAs}`);
  }

  // RFC 4271 §4.2: the Hold Time MUST be zero or at least three seconds.
  if (peerOpen.holdTime === 1 || peerOpen.holdTime === 2) {
    return openError(OpenSubcode.UNACCEPTABLE_HOLD_TIME, `unacceptable hold time ${peerOpen.holdTime}`);
  }

  // RFC 6286 §2.2: any non-zero 32-bit value is a valid identifier; within one AS it must differ from ours.
  const peerId = parseIpv4(peerOpen.bgpId);
  if (peerId === undefined || peerId === 0) {
    return openError(OpenSubcode.BAD_BGP_IDENTIFIER, `bad BGP identifier ${peerOpen.bgpId}`);
  }
  if (settings.localAs === settings.peerAs && peerId === parseIpv4(localOpen.bgpId)) {
    return openError(OpenSubcode.BAD_BGP_IDENTIFIER, `iBGP peer uses our BGP identifier ${peerOpen.bgpId}`);
  }

  // RFC 5492 §3 made Capabilities (2) the one parameter we know; anything else was kept opaque by the decoder.
  if (peerOpen.otherParams !== undefined && peerOpen.otherParams.length > 0) {
    const types = peerOpen.otherParams.map((p) => p.type).join(', ');
    return openError(OpenSubcode.UNSUPPORTED_OPTIONAL_PARAMETER, `unsupported optional parameter ${types}`);
  }

  // RFC 4271 §4.2: the smaller hold time wins; RFC 4271 §10 suggests a keepalive of a third of it.
  const holdTime = Math.min(localOpen.holdTime, peerOpen.holdTime);
  const keepaliveTime = Math.floor(holdTime / 3);

  const peerFamilies = new Set(familiesOf(peerOpen).map((f) => familyKey(f.afi, f.safi)));
  const families = familiesOf(localOpen).filter((f) => peerFamilies.has(familyKey(f.afi, f.safi)));

  // RFC 7911 §4: we receive path ids where we said "receive" and the peer "send", and the other way round.
  const ours = addPathModes(localOpen);
  const theirs = addPathModes(peerOpen);
  const addPathReceive = new Set<number>();
  const addPathSend = new Set<number>();
  for (const f of families) {
    const key = familyKey(f.afi, f.safi);
    const local = ours.get(key) ?? 0;
    const peer = theirs.get(key) ?? 0;
    if ((local & AddPathMode.RECEIVE) !== 0 && (peer & AddPathMode.SEND) !== 0) addPathReceive.add(key);
    if ((local & AddPathMode.SEND) !== 0 && (peer & AddPathMode.RECEIVE) !== 0) addPathSend.add(key);
  }

  // RFC 8950 §4: an IPv6 next hop for a family's NLRI only to a peer that advertised it takes one.
  const extendedNextHopSend = extendedNextHopFamilies(peerOpen, Afi.IPV6);
  return {
    holdTime,
    keepaliveTime,
    peerAs,
    peerId: peerOpen.bgpId,
    asn4: has(localOpen, 'asn4') && has(peerOpen, 'asn4'),
    extendedMessage: has(localOpen, 'extended-message') && has(peerOpen, 'extended-message'),
    families,
    addPathReceive,
    addPathSend,
    ...(extendedNextHopSend.size > 0 ? { extendedNextHopSend } : {}),
    // The peer's capabilities say which ROUTE-REFRESH messages we may send it (RFC 2918 §3, RFC 7313 §4).
    routeRefresh: has(peerOpen, 'route-refresh') || has(peerOpen, 'route-refresh-cisco'),
    enhancedRouteRefresh: has(peerOpen, 'enhanced-route-refresh'),
    localOpen,
    peerOpen,
  };
}
