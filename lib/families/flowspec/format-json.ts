/**
 * A rule as ExaBGP 4.2 writes it in JSON events (nlri/flow.py `json()`):
 *
 *   { "destination-ipv4": [ "192.0.2.0/24" ], "destination-port": [ "=80", ">=8080&<=8088" ],
 *     "rd": "65000:1", "next-hop": "192.0.2.1", "string": "flow destination-ipv4 192.0.2.0/24 ..." }
 *
 * One JSON item per ORed group of pairs; ANDed pairs are glued with "&". "next-hop" is the
 * MP_REACH_NLRI next hop when there is one (ExaBGP's 4.0.1 JSON repeats it in each rule).
 * Differences from ExaBGP 4.2, where it misstates the rule (see format-ops.ts): a bitmask value with
 * several bits is one item ("=syn+ack"), not one item per bit; values it cannot name are numbers.
 * Like ExaBGP 4.2, "!is-fragment" is written "not-a-fragment" in JSON (its text keeps "!is-fragment").
 */
import { componentName, componentValueText, formatFlowRuleText } from './format-text';
import { bitmaskOperatorText, bitmaskValueText, numericOpText } from './format-ops';
import { FlowComponentType } from './component-types';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { NOT_A_FRAGMENT } from './value-names';
import type { BitmaskOp, FlowAfi, FlowComponent, FlowRule } from './types';

const IS_FRAGMENT = 0x02;

function bitmaskJsonItem(op: BitmaskOp, type: number): string {
  // ExaBGP 4.2 turns exactly "!is-fragment" into "not-a-fragment" in JSON.
  if (type === FlowComponentType.FRAGMENT && op.not && !op.match && op.value === IS_FRAGMENT) return (op.and ? '&' : '') + NOT_A_FRAGMENT;
  return bitmaskOperatorText(op) + bitmaskValueText(op.value, type);
}

/** The JSON array of one component: `[ "10.0.0.0/24" ]`, `[ ">8080&<8088", "=3128" ]`. */
export function componentJsonItems(component: FlowComponent, afi: FlowAfi): string {
  if (component.kind === 'prefix') return `[ "${componentValueText(component, afi)}" ]`;
  const texts = component.kind === 'numeric'
    ? component.ops.map((op) => numericOpText(op, component.type, afi))
    : component.ops.map((op) => bitmaskJsonItem(op, component.type));
  const items: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (component.ops[i].and && items.length > 0) items[items.length - 1] += texts[i];
    else items.push(texts[i]);
  }
  return `[ ${items.map((item) => `"${item}"`).join(', ')} ]`;
}

/** The rule's JSON object, exactly spaced as ExaBGP 4.2 writes it. */
export function flowRuleJson(rule: FlowRule, afi: FlowAfi, nextHop?: string): string {
  const members: string[] = [];
  for (const component of rule.components) members.push(` "${componentName(component.type, afi)}": ${componentJsonItems(component, afi)}`);
  const rd = rule.rd ? `, "rd": "${formatRouteDistinguisher(rule.rd)}"` : '';
  const hop = nextHop !== undefined ? `, "next-hop": "${nextHop}"` : '';
  return `{${members.join(',')}${rd}${hop}, "string": "${formatFlowRuleText(rule, afi, nextHop)}" }`;
}
