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
import { formatRouteDistinguisher } from '../route-distinguisher';
import type { FlowAfi, FlowComponent, FlowRule } from './types';

/**
 * The texts of operator components already printed, by family: the readers share one component per
 * pair (interned.ts), so `protocol =udp` is printed once for a whole rule stream.
 */
const VALUE_TEXTS: Record<FlowAfi, WeakMap<FlowComponent, string>> = { 1: new WeakMap(), 2: new WeakMap() };

/** The value part of one component: "10.0.0.0/24", "=80", "[ =80 >=8080&<=8088 ]". */
export function componentValueText(component: FlowComponent, afi: FlowAfi): string {
  if (component.kind === 'prefix') return afi === 1 ? component.prefix : `${component.prefix}/${component.offset}`;
  const known = VALUE_TEXTS[afi].get(component);
  if (known !== undefined) return known;
  const text = operatorsText(component, afi);
  VALUE_TEXTS[afi].set(component, text);
  return text;
}

function operatorsText(component: Exclude<FlowComponent, { kind: 'prefix' }>, afi: FlowAfi): string {
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

/**
 * Joined, not concatenated: the text is kept as the route's key and name for as long as the route
 * is announced, and `+=` would keep it as a tree of a dozen string pieces (some 500 bytes a rule).
 */
export function formatFlowRuleText(rule: FlowRule, afi: FlowAfi, nextHop?: string): string {
  const words = ['flow'];
  for (const component of rule.components) words.push(componentName(component.type, afi), componentValueText(component, afi));
  if (rule.rd) words.push('rd', formatRouteDistinguisher(rule.rd));
  if (nextHop !== undefined) words.push('next-hop', nextHop);
  return words.join(' ');
}
