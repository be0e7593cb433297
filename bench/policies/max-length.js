/**
 * Drops prefixes more specific than the Internet routes: longer than /24 for IPv4, /48 for IPv6
 * (the lengths operators filter at). The bench's prefix filter: one length comparison per route.
 *
 * options: { "maxLengthIpv4": 24, "maxLengthIpv6": 48 }
 * A rejected route is withdrawn, so a prefix that grows too long is not kept.
 */
const { maxPrefixLength } = require('rxbgp');

function lengthOption(options, key, fallback, max) {
  const value = options[key] ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`options.${key}: a prefix length from 0 to ${max}, got ${JSON.stringify(value)}`);
  return value;
}

module.exports = (options = {}) => {
  const maxIpv4 = lengthOption(options, 'maxLengthIpv4', 24, 32);
  const maxIpv6 = lengthOption(options, 'maxLengthIpv6', 48, 128);
  return maxPrefixLength({ ipv4: maxIpv4, ipv6: maxIpv6 });
};
