/** What policy helpers see of a labeled NLRI: the prefix, its labels and, for L3VPN, its RD. */
import type { Afi, Safi } from '../../wire/iana';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { labelOf, type LabeledPrefix } from './types';

export interface LabeledPrefixView {
  readonly kind: 'labeled-prefix';
  readonly afi: Afi;
  readonly safi: Safi;
  /** Canonical prefix text, "10.0.0.0/25". */
  readonly prefix: string;
  readonly length: number;
  /** The labels, top of the stack first (values, without TC / S bits). */
  readonly labels: readonly number[];
  /** The route distinguisher as text ("65000:1"), L3VPN only. */
  readonly rd?: string;
}

export function labeledPrefixView(afi: Afi, safi: Safi, value: LabeledPrefix): LabeledPrefixView {
  const length = Number(value.prefix.slice(value.prefix.lastIndexOf('/') + 1));
  const labels = value.stack.map(labelOf);
  return value.rd
    ? { kind: 'labeled-prefix', afi, safi, prefix: value.prefix, length, labels, rd: formatRouteDistinguisher(value.rd) }
    : { kind: 'labeled-prefix', afi, safi, prefix: value.prefix, length, labels };
}
