/** ExaBGP's names: "ipv4 nlri-mpls" (SAFI 4, RFC 8277), "ipv6 mpls-vpn" (SAFI 128, RFC 4364 / 4659). */
import type { LabeledAfi, LabeledSafi } from './types';

export function labeledFamilyName(afi: LabeledAfi, safi: LabeledSafi): string {
  return `${afi === 1 ? 'ipv4' : 'ipv6'} ${safi === 128 ? 'mpls-vpn' : 'nlri-mpls'}`;
}
