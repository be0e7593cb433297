/**
 * ExaBGP 4.2's JSON and text-encoder items of labeled NLRI (nlri/label.py, ipvpn.py, qualifier/labels.py),
 * as `exabgp --decode` prints them:
 *   { "nlri": "10.0.0.0/25", "path-information": "0.0.0.1", "label": [ [1000], [2000] ], "rd": "65000:1" }
 *   10.0.0.0/25 path-information 0.0.0.1 label [ 1000 2000 ] next-hop 192.0.2.1 rd 65000:1
 * ExaBGP 4.2 keeps only the label values of a received stack (Labels(labels) with no raw entries), so
 * neither form shows TC or S bits.
 */
import { formatIpv4Number } from '../../wire/address';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { labelsText } from './text';
import { labelOf, type LabeledPrefix } from './types';

export function labeledJsonItem(value: LabeledPrefix, pathId: number | undefined): string {
  let out = `{ "nlri": "${value.prefix}"`;
  if (pathId !== undefined) out += `, "path-information": "${formatIpv4Number(pathId)}"`;
  if (value.stack.length) out += `, "label": [ ${value.stack.map((e) => `[${labelOf(e)}]`).join(', ')} ]`;
  if (value.rd) out += `, "rd": "${formatRouteDistinguisher(value.rd)}"`;
  return `${out} }`;
}

/**
 * IPVPN.extensive(): the prefix, its path id under ADD-PATH, its labels, the next hop when the
 * route is announced, then the RD: "10.0.0.0/25 label 1000 next-hop 192.0.2.1 rd 65000:1".
 */
export function labeledTextItem(value: LabeledPrefix, pathId: number | undefined, nextHop?: string): string {
  const path = pathId === undefined ? '' : ` path-information ${formatIpv4Number(pathId)}`;
  const hop = nextHop === undefined ? '' : ` next-hop ${nextHop}`;
  const rd = value.rd ? ` rd ${formatRouteDistinguisher(value.rd)}` : '';
  return `${value.prefix}${path}${labelsText(value.stack, false)}${hop}${rd}`;
}
