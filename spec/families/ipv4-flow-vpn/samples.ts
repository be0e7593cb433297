import type { FamilySamples } from '../family-samples';

/**
 * One RD of each type (RFC 4364 §4.2: 0 = 2-octet AS, 1 = IPv4, 2 = 4-octet AS, others printed in
 * hex as ExaBGP does), and two rules differing only in their RD.
 */
export const samples: FamilySamples = {
  texts: [
    'flow destination-ipv4 192.0.2.0/24 rd 65000:7',
    'flow destination-ipv4 192.0.2.0/24 rd 65000:8',
    'flow destination-ipv4 10.0.0.0/8 source-ipv4 10.0.0.1/32 protocol =tcp destination-port [ =80 >=8080&<=8088 ] tcp-flags syn rd 192.0.2.1:65535',
    'flow source-ipv4 0.0.0.0/0 packet-length [ >200&<300 ] fragment is-fragment rd 4200000000:1',
    'flow protocol [ =udp =tcp ] rd 0:4294967295',
    'flow destination-ipv4 192.0.2.0/24 rd 0x0003010203040005',
  ],
};
