/** Our OPEN message (RFC 4271 §4.2) with the capabilities we advertise (RFC 5492). */
import { extendedNextHopCapability } from '../wire/capabilities/extended-next-hop';
import { AS_TRANS, BGP_VERSION } from '../wire/iana';
import type { Capability, OpenMessage } from '../wire/types';
import type { PeerSettings } from './types';

/** RFC 6793 §4.1: an AS that needs 4 octets goes in the 4-octet AS capability, with AS_TRANS in My AS. */
function twoOctetAs(asn: number): number {
  return asn > 0xffff ? AS_TRANS : asn;
}

export function buildOpen(settings: PeerSettings): OpenMessage {
  const capabilities: Capability[] = [];
  // RFC 4760 §8: one Multiprotocol capability per (AFI, SAFI).
  for (const { afi, safi } of settings.families) capabilities.push({ kind: 'multiprotocol', afi, safi });
  if (settings.routeRefresh) {
    capabilities.push({ kind: 'route-refresh' }); // RFC 2918
    capabilities.push({ kind: 'enhanced-route-refresh' }); // RFC 7313
  }
  capabilities.push({ kind: 'asn4', asn: settings.localAs }); // RFC 6793: always
  if (settings.extendedMessage) capabilities.push({ kind: 'extended-message' }); // RFC 8654
  if (settings.addPath !== undefined && settings.addPath.length > 0) {
    const families = settings.addPath.map(({ afi, safi, mode }) => ({ afi, safi, mode }));
    capabilities.push({ kind: 'add-path', families }); // RFC 7911
  }
  if (settings.extendedNextHop !== undefined && settings.extendedNextHop.length > 0) {
    capabilities.push(extendedNextHopCapability(settings.extendedNextHop)); // RFC 8950
  }
  if (settings.gracefulRestartTime !== undefined) {
    // RFC 4724 §3: no <AFI, SAFI> listed means "I preserve no forwarding state but help a restarting peer".
    capabilities.push({ kind: 'graceful-restart', flags: 0, restartTime: settings.gracefulRestartTime, families: [] });
  }
  if (settings.hostname !== undefined) {
    capabilities.push({ kind: 'hostname', hostname: settings.hostname, domain: settings.domainName ?? '' });
  }
  return {
    type: 'open',
    version: BGP_VERSION,
    myAs: twoOctetAs(settings.localAs),
    holdTime: settings.holdTime,
    bgpId: settings.routerId,
    capabilities,
  };
}
