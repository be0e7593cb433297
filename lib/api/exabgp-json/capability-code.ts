/**
 * Capability codes of the OPEN model, and the codes ExaBGP 4.2 decodes that rxbgp keeps as
 * 'unknown' (bgp/message/open/capability/capability.py).
 */
import { CapabilityCode } from '../../wire/iana';
import type { Capability } from '../../wire/types';

/** draft-ietf-idr-bgp-multisession, and Cisco's code for it. */
export const MULTISESSION = 68;
export const MULTISESSION_CISCO = 131;
/** ExaBGP's own "operational" capability. */
export const OPERATIONAL = 185;

export function capabilityCode(cap: Capability): number {
  switch (cap.kind) {
    case 'multiprotocol':
      return CapabilityCode.MULTIPROTOCOL;
    case 'route-refresh':
      return CapabilityCode.ROUTE_REFRESH;
    case 'route-refresh-cisco':
      return CapabilityCode.ROUTE_REFRESH_CISCO;
    case 'enhanced-route-refresh':
      return CapabilityCode.ENHANCED_ROUTE_REFRESH;
    case 'asn4':
      return CapabilityCode.FOUR_OCTET_AS;
    case 'extended-message':
      return CapabilityCode.EXTENDED_MESSAGE;
    case 'add-path':
      return CapabilityCode.ADD_PATH;
    case 'graceful-restart':
      return CapabilityCode.GRACEFUL_RESTART;
    case 'hostname':
      return CapabilityCode.FQDN;
    case 'unknown':
      return cap.code;
  }
}

/**
 * RFC 8950 §3 extended next hop capability value: (NLRI AFI, NLRI SAFI, next hop AFI) triples of
 * 2 octets each. ExaBGP reads the SAFI's low octet only and keeps each triple once.
 */
export function nextHopTriples(value: Buffer): Array<[afi: number, safi: number, nextHopAfi: number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i + 6 <= value.length; i += 6) {
    const triple: [number, number, number] = [value.readUInt16BE(i), value[i + 3], value.readUInt16BE(i + 4)];
    if (!out.some((t) => t[0] === triple[0] && t[1] === triple[1] && t[2] === triple[2])) out.push(triple);
  }
  return out;
}
