/**
 * Drops the routes a prefix list names, e.g. the RFC 6890 special-purpose ranges an eBGP import
 * refuses. Every route is compared with the list (IPv4 by number, PrefixList), so on a table the
 * list matches nothing of, this is the per-route cost of a deny list of that size.
 *
 * options: { "deny": ["192.168.0.0/16 le 32", "2001:db8::/32 le 128", ...] }
 * A rejected route is withdrawn, so a prefix that becomes denied is not kept.
 */
const { rejectPrefixes } = require('rxbgp');

module.exports = (options = {}) => {
  if (!Array.isArray(options.deny)) throw new Error('options.deny: a list of prefix-list entries like "192.168.0.0/16 le 32"');
  return rejectPrefixes(options.deny);
};
