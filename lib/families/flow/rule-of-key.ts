/**
 * The rule a FlowSpec RIB key stands for: the key is the rule's NLRI value (flowRuleKey), so for
 * flow-vpn (SAFI 134, RFC 8955 §8) it starts with the 8-octet route distinguisher, then the
 * components. Two rules that differ only in their RD are different routes, and stay so here.
 */
import { decodeComponents, decodeRouteDistinguisher, RD_LENGTH, type FlowFamily, type FlowRule } from '../flowspec';

/** The rule of `key` in `family`, or why the key is not one. */
export function flowRuleOfKey(key: string, family: FlowFamily): FlowRule | string {
  const bytes = Buffer.from(key, 'latin1');
  if (family.safi !== 134) {
    const components = decodeComponents(bytes, 0, bytes.length, family.afi);
    return typeof components === 'string' ? components : { components };
  }
  if (bytes.length < RD_LENGTH) return `${bytes.length} octets leave no room for a route distinguisher`;
  const rd = decodeRouteDistinguisher(bytes, 0);
  const components = decodeComponents(bytes, RD_LENGTH, bytes.length, family.afi);
  return typeof components === 'string' ? components : { rd, components };
}
