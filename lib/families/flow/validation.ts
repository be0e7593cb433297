/**
 * What RFC 8955 §6 validation (revised by RFC 9117) needs of a FlowSpec rule: the unicast family it
 * is checked against and its destination prefix (component type 1). Only SAFI 133 rules get this:
 * a flow-vpn rule (SAFI 134) would be checked against the VPN unicast routes of its VRF (RFC 8955
 * §8), a family rxbgp does not carry, so those are not validated (docs/flowspec.md#validation).
 */
import { Safi } from '../../wire/iana';
import type { FamilyValidation } from '../family-descriptor';
import type { FlowAfi, FlowRule } from '../flowspec';

/** Destination Prefix (RFC 8955 §4.2.2.1, RFC 8956 §3.1). */
const DESTINATION = 1;

export function flowValidation(afi: FlowAfi): FamilyValidation<FlowRule> {
  return {
    against: { afi, safi: Safi.UNICAST },
    destination(rule) {
      for (const c of rule.components) {
        // RFC 8956 §3.1: an IPv6 destination with an offset matches bits after the offset, which
        // name no prefix a unicast route could cover: the rule has no destination to check.
        if (c.kind === 'prefix' && c.type === DESTINATION) return c.offset === 0 ? c.prefix : undefined;
      }
      return undefined;
    },
  };
}
