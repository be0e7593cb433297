/** One labeled NLRI onto a writer (decode-nlri.ts has the layout; RFC 8277 §2, RFC 4364 §4.3.4). */
import { parsePrefix } from '../../wire/address';
import type { Writer } from '../../wire/writer';
import { encodeRouteDistinguisher, RD_LENGTH } from '../route-distinguisher';
import { WITHDRAW_LABEL, type LabeledFamily, type LabeledPrefix } from './types';

/**
 * RFC 8277 §2.4: a withdrawal's labels are one 3-octet Compatibility field, which the receiver
 * ignores (BIRD reads exactly one, whatever its S bit). A route of one label is withdrawn with it,
 * as ExaBGP and GoBGP do; a stack, which cannot be sent whole there, with 0x800000.
 */
function withdrawnStack(stack: readonly number[]): readonly number[] {
  return stack.length === 1 ? stack : [WITHDRAW_LABEL];
}

/** Throws a plain Error when the value does not fit the family (a command or config bug). */
export function encodeLabeledPrefix(w: Writer, value: LabeledPrefix, family: LabeledFamily, withdrawn = false): void {
  const parsed = parsePrefix(value.prefix);
  if (typeof parsed === 'string') throw new Error(parsed);
  if (parsed.afi !== family.afi) throw new Error(`"${value.prefix}" is not an ${family.afi === 1 ? 'IPv4' : 'IPv6'} prefix`);
  if (value.stack.length === 0) throw new Error(`${value.prefix}: a labeled route needs at least one label (RFC 8277 §2)`);
  if ((family.safi === 128) !== (value.rd !== undefined)) throw new Error(`${value.prefix}: ${family.safi === 128 ? 'an L3VPN route needs a route distinguisher' : 'a labeled unicast route has no route distinguisher'}`);
  const stack = withdrawn ? withdrawnStack(value.stack) : value.stack;
  const bits = stack.length * 24 + (value.rd ? RD_LENGTH * 8 : 0) + parsed.length;
  // RFC 8277 §2: the length is one octet, so the stack holds at most a few labels.
  if (bits > 255) throw new Error(`${value.prefix}: ${stack.length} labels do not fit one NLRI (${bits} bits > 255)`);
  w.u8(bits);
  for (const entry of stack) w.u8(entry >>> 16).u8((entry >>> 8) & 255).u8(entry & 255);
  if (value.rd) encodeRouteDistinguisher(w, value.rd);
  const octets = (parsed.length + 7) >> 3;
  for (let i = 0; i < octets; i++) w.u8(parsed.address[i]);
}
