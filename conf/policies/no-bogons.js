/**
 * Drops bogons and too-specific prefixes: what every eBGP import should do.
 *
 * Bogons: the special-purpose ranges of RFC 6890 that must never be routed on the Internet
 * (private, loopback, link-local, documentation, multicast, reserved), IPv4 and IPv6. Too
 * specific: longer than /24 (IPv4) or /48 (IPv6), the lengths the Internet filters at.
 *
 * options: { "maxLengthIpv4": 24, "maxLengthIpv6": 48, "extra": ["192.0.2.0/24 le 32", ...] }
 * A rejected route is withdrawn, so a prefix that turns bogon is not kept.
 */
const { pipe } = require('rxjs');
const { maxPrefixLength, rejectPrefixes } = require('rxbgp');

const BOGONS = [
  '0.0.0.0/8 le 32', // "this network", RFC 791
  '10.0.0.0/8 le 32', // private, RFC 1918
  '100.64.0.0/10 le 32', // shared address space, RFC 6598
  '127.0.0.0/8 le 32', // loopback, RFC 1122
  '169.254.0.0/16 le 32', // link-local, RFC 3927
  '172.16.0.0/12 le 32', // private, RFC 1918
  '192.0.0.0/24 le 32', // IETF protocol assignments, RFC 6890
  '192.0.2.0/24 le 32', // TEST-NET-1, RFC 5737
  '192.168.0.0/16 le 32', // private, RFC 1918
  '198.18.0.0/15 le 32', // benchmarking, RFC 2544
  '198.51.100.0/24 le 32', // TEST-NET-2, RFC 5737
  '203.0.113.0/24 le 32', // TEST-NET-3, RFC 5737
  '224.0.0.0/4 le 32', // multicast, RFC 5771
  '240.0.0.0/4 le 32', // reserved, RFC 1112
  '::/8 le 128', // loopback, unspecified, IPv4-mapped
  '100::/64 le 128', // discard-only, RFC 6666
  '2001:2::/48 le 128', // benchmarking, RFC 5180
  '2001:10::/28 le 128', // ORCHID, RFC 4843
  '2001:db8::/32 le 128', // documentation, RFC 3849
  '3ffe::/16 le 128', // old 6bone, RFC 3701
  'fc00::/7 le 128', // unique local, RFC 4193
  'fe80::/10 le 128', // link-local, RFC 4291
  'fec0::/10 le 128', // site-local, RFC 3879
  'ff00::/8 le 128', // multicast, RFC 4291
];

// maxPrefixLength and rejectPrefixes test packed IPv4 prefixes by number in loops of their own:
// the fast way to filter a full table (a filterRoutes predicate costs a call per prefix).
module.exports = (options = {}) =>
  pipe(
    maxPrefixLength({ ipv4: options.maxLengthIpv4 ?? 24, ipv6: options.maxLengthIpv6 ?? 48 }),
    rejectPrefixes([...BOGONS, ...(options.extra || [])]),
  );
