import type { FamilySamples } from '../family-samples';

export const samples: FamilySamples = {
  texts: [
    'flow destination-ipv4 192.0.2.0/24',
    'flow destination-ipv4 10.0.0.0/8 source-ipv4 10.0.0.1/32 protocol =tcp destination-port [ =80 >=8080&<=8088 ] tcp-flags syn',
    'flow source-ipv4 0.0.0.0/0 packet-length [ >200&<300 ] fragment is-fragment',
    'flow protocol [ =udp =tcp ] source-port =53 icmp-type =echo-request icmp-code =0 dscp =46',
  ],
};
