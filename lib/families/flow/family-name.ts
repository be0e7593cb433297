/**
 * ExaBGP's names of the FlowSpec families (its configuration's `family { ipv4 flow-vpn; }`, the JSON's
 * family keys): SAFI 133 is "flow" (RFC 8955 §4), SAFI 134, the same rules behind a route
 * distinguisher for VPNs (RFC 8955 §8), is "flow-vpn".
 */
import type { FlowAfi, FlowSafi } from '../flowspec';

export function flowFamilyName(afi: FlowAfi, safi: FlowSafi): string {
  return `${afi === 1 ? 'ipv4' : 'ipv6'} ${safi === 134 ? 'flow-vpn' : 'flow'}`;
}
