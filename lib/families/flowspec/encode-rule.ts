/**
 * Writes FlowSpec NLRI (RFC 8955 §4, RFC 8956 §3): length, RD for flow-vpn (§8), then the
 * components in increasing type order, each numeric or bitmask list ended by the e bit, each value
 * in the smallest of 1, 2 or 4 octets. The first pair's a bit is never set (§4.2.1.1).
 *
 * A rule that cannot be sent as given (out of order, unknown type, value too large) throws a plain
 * Error: it is a bug of whoever built it; the text parser only builds valid rules.
 */
import type { Writer } from '../../wire/writer';
import { componentInfo } from './component-types';
import { beginFlowNlri, endFlowNlri } from './nlri-length';
import { OpBit, bitmaskBits, lengthBitsFor, numericBits } from './operators';
import { encodeIpv4Prefix, encodeIpv6Prefix } from './prefix-component';
import { encodeRouteDistinguisher } from '../route-distinguisher';
import { wireKeyOf } from './wire-flow-rule';
import type { BitmaskOp, FlowAfi, FlowComponent, FlowFamily, FlowRule, NumericOp } from './types';

/**
 * Writes one NLRI: its length field and value. `wholeIpv6Prefix`: IPv6 prefixes with an offset
 * in the form ExaBGP 4.2, GoBGP and FRR use (the whole prefix) instead of RFC 8956 §3.1's
 * pattern after the offset, for a neighbor configured so (docs/flowspec.md#routers).
 */
export function encodeFlowRule(w: Writer, rule: FlowRule, family: FlowFamily, wholeIpv6Prefix = false): void {
  const lengthAt = beginFlowNlri(w);
  encodeFlowRuleValue(w, rule, family, wholeIpv6Prefix);
  endFlowNlri(w, lengthAt);
}

/** Writes the NLRI value only (RD and components), as the RIB key and the ordering use it. */
export function encodeFlowRuleValue(w: Writer, rule: FlowRule, family: FlowFamily, wholeIpv6Prefix = false): void {
  // A rule read straight to octets (wire-flow-rule.ts) is copied as it is.
  const octets = wireKeyOf(rule, family.afi, family.safi, wholeIpv6Prefix);
  if (octets !== undefined) {
    w.latin1(octets);
    return;
  }
  if (family.safi === 134) {
    if (!rule.rd) throw new Error('a flow-vpn rule needs a route distinguisher (RFC 8955 §8)');
    encodeRouteDistinguisher(w, rule.rd);
  } else if (rule.rd) {
    throw new Error('only flow-vpn (SAFI 134) rules carry a route distinguisher');
  }
  let previous = 0;
  for (const component of rule.components) {
    if (component.type <= previous) throw new Error(`component type ${component.type} after type ${previous}: types must strictly increase (RFC 8955 §4.2)`);
    previous = component.type;
    encodeComponent(w, component, family.afi, wholeIpv6Prefix);
  }
}

/** Writes one component: type, then the prefix or the operator list. */
export function encodeComponent(w: Writer, component: FlowComponent, afi: FlowAfi, wholeIpv6Prefix = false): void {
  const info = componentInfo(afi, component.type);
  if (!info || info.kind !== component.kind) throw new Error(`component type ${component.type} is not a ${component.kind} component for AFI ${afi}`);
  w.u8(component.type);
  if (component.kind === 'prefix') {
    if (afi === 1) encodeIpv4Prefix(w, component);
    else encodeIpv6Prefix(w, component, wholeIpv6Prefix);
    return;
  }
  encodeOps(w, component.ops, component.kind === 'numeric', info.maxLength, info.name[afi]);
}

/** The {op, value} list of a numeric or bitmask component (no type octet). */
export function encodeOps(w: Writer, ops: readonly (NumericOp | BitmaskOp)[], numeric: boolean, maxLength: number, name: string): void {
  if (ops.length === 0) throw new Error(`${name} needs at least one operator`);
  const maxValue = 2 ** (8 * maxLength) - 1;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const value = op.value;
    if (!Number.isInteger(value) || value < 0 || value > maxValue) throw new Error(`${name} value ${value} does not fit ${maxLength} octet(s)`);
    const lengthBits = lengthBitsFor(value);
    let byte = lengthBits | (numeric ? numericBits(op as NumericOp) : bitmaskBits(op as BitmaskOp));
    if (i > 0 && op.and) byte |= OpBit.AND;
    if (i === ops.length - 1) byte |= OpBit.END;
    w.u8(byte);
    if (lengthBits === 0x00) w.u8(value);
    else if (lengthBits === 0x10) w.u16(value);
    else w.u32(value);
  }
}

/**
 * Writes each rule as NLRI, preceded by its Path Identifier with ADD-PATH (RFC 7911 §3;
 * 0 when `pathIds` is not given).
 */
export function encodeFlowNlriRun(
  w: Writer,
  rules: readonly FlowRule[],
  family: FlowFamily,
  addPath = false,
  pathIds?: readonly number[],
): void {
  for (let i = 0; i < rules.length; i++) {
    if (addPath) w.u32(pathIds?.[i] ?? 0);
    encodeFlowRule(w, rules[i], family);
  }
}
