import type { FamilySamples } from '../family-samples';

/**
 * EVPN (RFC 7432 types 1-4, RFC 9136 type 5): each route type, with an IPv4 and an IPv6 form where the
 * type carries an address, a MAC/IP route without IP and with two labels, a VNI-style label field
 * (RFC 8365 §5.1.3), the largest values, a non-48 MAC length, a type 5 prefix with host bits, and a
 * route type rxbgp keeps as octets.
 */
export const samples: FamilySamples = {
  texts: [
    'ethernet-ad rd 65000:1 esi 01:02:03:04:05:06:07:08:09:0a ethernet-tag 4294967295 label 1048575',
    'ethernet-ad rd 192.0.2.1:7 esi - ethernet-tag 0',
    'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 1000',
    'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 label [ 1000 2000 ]',
    'mac-ip rd 4200000000:7 esi ff:ff:ff:ff:ff:ff:ff:ff:ff:ff ethernet-tag 100 mac FF:FF:FF:FF:FF:FF mac-length 40 ip 2001:db8::1 label 0 (10)',
    'multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1',
    'multicast rd 65000:1 ethernet-tag 7 ip 2001:db8::1',
    'ethernet-segment rd 65000:1 esi 00:11:22:33:44:55:66:77:88:99 ip 192.0.2.1',
    'ethernet-segment rd 65000:1 esi - ip 2001:db8::2',
    'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label 1000',
    'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.1/24 gateway 192.0.2.1',
    'ip-prefix rd 65000:2 esi - ethernet-tag 0 prefix 2001:db8::/32 gateway :: label 16',
    'generic code 9 raw 0x0102030405',
    'generic code 0 raw 0x',
  ],
  nextHop: ['198.51.100.1'],
};
