/**
 * A rule in ExaBGP's text form (nlri/flow.py `extensive()`), which is also the "string" of its
 * JSON and what `exabgp --decode` prints after "decoded update":
 *
 *   flow destination-ipv4 192.0.2.0/24 protocol [ =udp =tcp ] destination-port [ >8080&<8088 =3128 ] rd 65000:1 next-hop 192.0.2.1
 *
 * A component with one pair prints it bare, with more (even ANDed) in brackets; pairs ORed together
 * are separated by a space, ANDed ones glued with "&". IPv6 prefixes print "address/length/offset".
 * The words are ones parseFlowRoute reads back.
 */
import { componentInfo } from './component-types';
import { bitmaskOpText, numericOpText } from './format-ops';
import { formatRouteDistinguisher } from './route-distinguisher';
import type { FlowAfi, FlowComponent, FlowRule } from './types';

/** The value part of one component: "10.0.0.0/24", "=80", "[ =80 >=8080&<=8088 ]". */
export function componentValueText(component: FlowComponent, afi: FlowAfi): string {
  if (component.kind === 'prefix') return afi === 1 ? component.prefix : `${component.prefix}/${component.offset}`;
  const texts = component.kind === 'numeric'
    ? component.ops.map((op) => numericOpText(op, component.type, afi))
    : component.ops.map((op) => bitmaskOpText(op, component.type));
  let line = '';
  for (let i = 0; i < texts.length; i++) {
    if (i > 0 && !component.ops[i].and) line += ' ';
    line += texts[i];
  }
  return texts.length > 1 ? `[ ${line} ]` : line;
}

/** ExaBGP's keyword for a component in this family ("destination-ipv4", "next-header", ...). */
export function componentName(type: number, afi: FlowAfi): string {
  return componentInfo(afi, type)?.name[afi] ?? `component-${type}`;
}

export function formatFlowRuleText(rule: FlowRule, afi: FlowAfi, nextHop?: string): string {
  let text = 'flow';
  for (const component of rule.components) text += ` ${componentName(component.type, afi)} ${componentValueText(component, afi)}`;
  if (rule.rd) text += ` rd ${formatRouteDistinguisher(rule.rd)}`;
  if (nextHop !== undefined) text += ` next-hop ${nextHop}`;
  return text;
}
