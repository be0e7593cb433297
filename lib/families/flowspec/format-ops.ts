/**
 * One {operator, value} pair as ExaBGP writes it in text and JSON (nlri/flow.py NumericString,
 * BinaryString): "=80", ">=8080", "&<=8088", "!=tcp", "=syn+ack", "&!rst". Where ExaBGP 4.2 prints
 * something that cannot be read back ("unknown protocol type 200", an ICMPv6 type under its IPv4
 * name, "&true80"), this prints the number or drops the meaningless value.
 */
import { FlowComponentType } from './component-types';
import type { BitmaskOp, FlowAfi, NumericOp } from './types';
import { FRAGMENT_NAMES, ICMP_TYPE_NAMES, PROTOCOL_NAMES, TCP_FLAG_NAMES, valueMap } from './value-names';

const PROTOCOL = valueMap(PROTOCOL_NAMES);
const ICMP_TYPE = valueMap(ICMP_TYPE_NAMES);

/** RFC 8955 §4.2.1.1 lt/gt/eq bits to ExaBGP's operator text. */
const NUMERIC_TEXT = ['false', '=', '>', '>=', '<', '<=', '!=', 'true'];

export function numericOpText(op: NumericOp, type: number, afi: FlowAfi): string {
  const bits = (op.lt ? 4 : 0) | (op.gt ? 2 : 0) | (op.eq ? 1 : 0);
  const and = op.and ? '&' : '';
  // "true" and "false" ignore the value (ExaBGP 4.2 prints it glued after "&true").
  if (bits === 0 || bits === 7) return and + NUMERIC_TEXT[bits];
  return and + NUMERIC_TEXT[bits] + numericValueText(op.value, type, afi);
}

function numericValueText(value: number, type: number, afi: FlowAfi): string {
  if (type === FlowComponentType.IP_PROTOCOL) return PROTOCOL.get(value) ?? String(value);
  if (type === FlowComponentType.ICMP_TYPE && afi === 1) return ICMP_TYPE.get(value) ?? String(value);
  return String(value);
}

/** RFC 8955 §4.2.1.2 not/m bits to ExaBGP's operator text. */
export function bitmaskOperatorText(op: BitmaskOp): string {
  return (op.and ? '&' : '') + (op.not ? '!' : '') + (op.match ? '=' : '');
}

export function bitmaskOpText(op: BitmaskOp, type: number): string {
  return bitmaskOperatorText(op) + bitmaskValueText(op.value, type);
}

/**
 * The set bits as names joined by "+" in bit order ("fin+push"); bits without a name as one 0x
 * number after them; 0 as "0". ExaBGP 4.2 writes the same in its text but splits the names into
 * separate JSON items (misstating the rule), and calls a fragment value of 0 "not-a-fragment".
 */
export function bitmaskValueText(value: number, type: number): string {
  if (value === 0) return '0';
  const table = type === FlowComponentType.TCP_FLAGS ? TCP_FLAG_NAMES : FRAGMENT_NAMES;
  let names = '';
  let rest = value;
  for (const [name, bit] of table) {
    if (value & bit) {
      names += names ? `+${name}` : name;
      rest &= ~bit;
    }
  }
  if (rest !== 0) names += (names ? '+' : '') + `0x${rest.toString(16)}`;
  return names;
}
