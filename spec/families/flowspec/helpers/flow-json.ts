/**
 * The FlowSpec part of ExaBGP's UPDATE JSON ("announce" / "withdraw" of one flow family), built
 * from lib/families/flowspec for comparison with what `exabgp --decode` prints. Test-only: the
 * family layer will put this in lib/api's UPDATE encoder.
 */
import { formatIpv4, formatIpv6 } from '../../../../lib/wire/address';
import { decodeFlowNlri, flowRuleJson, type FlowAfi, type FlowFamily, type FlowNlriRun } from '../../../../lib/families/flowspec';
import type { MpField } from './mp-attributes';

export function familyName(afi: number, safi: number): string {
  return `${afi === 1 ? 'ipv4' : 'ipv6'} ${safi === 134 ? 'flow-vpn' : 'flow'}`;
}

export function isFlowField(field: MpField | undefined): field is MpField {
  return field !== undefined && (field.safi === 133 || field.safi === 134) && (field.afi === 1 || field.afi === 2);
}

export function flowFamilyOf(field: MpField): FlowFamily {
  return { afi: field.afi as FlowAfi, safi: field.safi as 133 | 134 };
}

export function decodeField(buf: Buffer, field: MpField, addPath = false): FlowNlriRun {
  return decodeFlowNlri(buf, field.start, field.end, flowFamilyOf(field), addPath);
}

/** ExaBGP's key for the MP_REACH next hop: "no-nexthop" when empty. */
export function nextHopText(nextHop: Buffer | undefined): string | undefined {
  if (!nextHop || nextHop.length === 0) return undefined;
  return nextHop.length === 4 ? formatIpv4(nextHop) : formatIpv6(nextHop);
}

export function announceJson(field: MpField, run: FlowNlriRun): string {
  const hop = nextHopText(field.nextHop);
  const rules = run.rules.map((rule) => flowRuleJson(rule, field.afi as FlowAfi, hop));
  return `"announce": { "${familyName(field.afi, field.safi)}": { "${hop ?? 'no-nexthop'}": [ ${rules.join(', ')} ] } }`;
}

export function withdrawJson(field: MpField, run: FlowNlriRun): string {
  const rules = run.rules.map((rule) => flowRuleJson(rule, field.afi as FlowAfi));
  return `"withdraw": { "${familyName(field.afi, field.safi)}": [ ${rules.join(', ')} ] }`;
}
