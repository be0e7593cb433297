/** ExaBGP's name of the family (protocol/family.py: AFI "l2vpn", SAFI "evpn"). */
export const EVPN_FAMILY_NAME = 'l2vpn evpn';
