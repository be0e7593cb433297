/**
 * Reads the components of one FlowSpec NLRI value (after its length and, for flow-vpn, its RD):
 * RFC 8955 §4.2 for IPv4, RFC 8956 §3 for IPv6. By offset from the one buffer: no subarray.
 *
 * Malformed (RFC 8955 §4.2, §4.2.1): a type this family does not define, a type not above the
 * previous one ("components MUST follow strict type ordering by increasing numerical order"), an
 * operator value longer than the component allows, or anything running past the NLRI.
 */
import { componentInfo, FlowComponentType } from './component-types';
import { OpBit, bitmaskOpOf, numericOpOf, opValueLength } from './operators';
import { oneOrMany } from './interned';
import { decodeIpv4Prefix, decodeIpv6Prefix } from './prefix-component';
import type { BitmaskOp, FlowAfi, FlowComponent, NumericComponent, NumericOp, PrefixComponent } from './types';

/** The components in buf[at, end), or why they are malformed. */
export function decodeComponents(buf: Buffer, at: number, end: number, afi: FlowAfi, wholeIpv6Prefix = false): FlowComponent[] | string {
  const components: FlowComponent[] = [];
  let previous = 0;
  while (at < end) {
    const type = buf[at];
    const info = componentInfo(afi, type);
    if (!info) return `unknown component type ${type} for ${afi === 1 ? 'IPv4' : 'IPv6'}`;
    if (type <= previous) return `component type ${type} after type ${previous}: types must strictly increase`;
    previous = type;
    at++;
    if (info.kind === 'prefix') {
      const kind = type === FlowComponentType.DESTINATION_PREFIX ? 1 : 2;
      const next = afi === 1
        ? decodeIpv4Prefix(buf, at, end, kind, components as PrefixComponent[])
        : decodeIpv6Prefix(buf, at, end, kind, components as PrefixComponent[], wholeIpv6Prefix);
      if (typeof next === 'string') return `${info.name[afi]}: ${next}`;
      at = next;
      continue;
    }
    const numeric = info.kind === 'numeric';
    const ops: (NumericOp | BitmaskOp)[] = [];
    for (;;) {
      if (at >= end) return `${info.name[afi]}: the operator list runs past the end of the NLRI`;
      const op = buf[at];
      const length = opValueLength(op);
      if (length > info.maxLength) return `${info.name[afi]}: a ${length}-octet value (operator 0x${op.toString(16).padStart(2, '0')}) is longer than the ${info.maxLength} this component allows`;
      const next = at + 1 + length;
      if (next > end) return `${info.name[afi]}: a value runs past the end of the NLRI`;
      let value = 0;
      for (let i = at + 1; i < next; i++) value = value * 256 + buf[i];
      ops.push(numeric ? numericOpOf(op, value, ops.length === 0) : bitmaskOpOf(op, value, ops.length === 0));
      at = next;
      if (op & OpBit.END) break;
    }
    components.push(oneOrMany(numeric, type, ops));
  }
  return components;
}
