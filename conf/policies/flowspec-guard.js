/**
 * Guards FlowSpec rules (RFC 8955, RFC 8956) as DDoS tools send them, on import from a detector
 * or on export to the edge routers: a rule that would reach too much traffic is refused, and a
 * rate-limit above what the network allows is capped.
 *
 * - A rule whose destination prefix is wider than `minDestinationLength` (IPv4, default /24) or
 *   `minDestinationLengthIpv6` (default /48) is withdrawn. These are the longest prefixes the
 *   Internet routes, so one rule can never reach more than the smallest block one network
 *   announces. A rule with no destination matches every destination and is refused too, and so is
 *   an IPv6 rule with a prefix offset (RFC 8956 §3.1), because it matches under every prefix.
 * - A traffic-rate in bytes per second (ExaBGP's `rate-limit`, extended community 0x8006) above
 *   `maxRate` is lowered to `maxRate`; with `maxPacketRate`, a rate in packets per second (0x800c)
 *   too. Discard (a rate of 0) and the other actions pass as they are.
 *
 * options: { "maxRate": 1000000, "maxPacketRate": 10000, "minDestinationLength": 24, "minDestinationLengthIpv6": 48 }
 * (`maxRate` is required: the cap is the network's choice.)
 *
 * Routes of other families pass through untouched, and withdrawals as they are. One warning is
 * logged per UPDATE that had rules refused or capped, never one per rule.
 */
const { pipe, tap } = require('rxjs');
const { filterFlows, flowAttributes, mapFlowActions } = require('rxbgp');
const { checkObject, numberOption } = require('./shared/options');

module.exports = (options = {}, context) => {
  checkObject(options, '', ['maxRate', 'maxPacketRate', 'minDestinationLength', 'minDestinationLengthIpv6']);
  const maxRate = numberOption(options, 'maxRate', 'maxRate', { min: 0, max: 1e12 });
  const maxPacketRate = numberOption(options, 'maxPacketRate', 'maxPacketRate', { min: 0, max: 1e12, fallback: Infinity });
  const minLength = {
    1: numberOption(options, 'minDestinationLength', 'minDestinationLength', { min: 0, max: 32, integer: true, fallback: 24 }),
    2: numberOption(options, 'minDestinationLengthIpv6', 'minDestinationLengthIpv6', { min: 0, max: 128, integer: true, fallback: 48 }),
  };

  /** The rules of the current UPDATE refused and capped, for its one log line. */
  const refused = [];
  let capped = 0;
  /** The capped attributes per received attributes object: the rules of one UPDATE stay together. */
  const cappedOf = new WeakMap();

  const narrowEnough = (flow) => {
    const d = flow.destination;
    const ok = d !== undefined && d.offset === 0 && d.length >= minLength[flow.afi];
    if (!ok) refused.push(flow.text);
    return ok;
  };

  const cap = (action) => {
    if (action.kind === 'rate-limit' && action.bytesPerSecond > maxRate) return { ...action, bytesPerSecond: maxRate };
    if (action.kind === 'rate-limit-packets' && action.packetsPerSecond > maxPacketRate) return { ...action, packetsPerSecond: maxPacketRate };
    return action;
  };

  const cappedAttributes = (flow) => {
    const over = (flow.rateLimit ?? 0) > maxRate || (flow.rateLimitPackets ?? 0) > maxPacketRate;
    if (!over) return flow.attributes;
    capped++;
    let out = cappedOf.get(flow.attributes);
    if (!out) cappedOf.set(flow.attributes, (out = mapFlowActions(flow.attributes, cap)));
    return out;
  };

  const report = () => {
    if (refused.length > 0) {
      const wide = `/${minLength[1]} (IPv4) or /${minLength[2]} (IPv6)`;
      context.logger.warn(`refused ${refused.length} FlowSpec rule(s) wider than ${wide} or with no destination: ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? '; ...' : ''}`);
      refused.length = 0;
    }
    if (capped > 0) {
      context.logger.warn(`capped the rate-limit of ${capped} FlowSpec rule(s) to ${maxRate} bytes/s${Number.isFinite(maxPacketRate) ? ` and ${maxPacketRate} packets/s` : ''}`);
      capped = 0;
    }
  };

  // filterFlows and flowAttributes are synchronous: report() runs for the UPDATE they just handled.
  return pipe(filterFlows(narrowEnough), flowAttributes(cappedAttributes), tap(report));
};
