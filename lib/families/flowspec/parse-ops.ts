/**
 * One list item of a numeric or bitmask component in ExaBGP's syntax (configuration/flow/parser.py
 * `_operator_numeric`, `_operator_binary`), as {operator, value} pairs:
 *
 *   numeric:  =80  80  >1024  >=8080&<=8088  <5  !=443  true  false  (and GoBGP's ==80)
 *   bitmask:  syn  =syn  !rst  !=fin  syn+ack  =rst&!fin  0x12
 *
 * "&" ANDs the next pair with the previous one (RFC 8955 §4.2.1.1 a bit); a new item is ORed.
 * Values are decimal, 0x hex or a name (protocols, ICMP types and codes, TCP flags, fragment
 * bits). Returns the pairs, or why the item is not one.
 */
import { componentInfo, FlowComponentType } from './component-types';
import { bitmaskOp, numericOp } from './interned';
import type { BitmaskOp, FlowAfi, NumericOp } from './types';
import {
  FRAGMENT_NAMES,
  ICMP_CODE_NAMES,
  ICMP_TYPE_NAMES,
  ICMPV6_TYPE_NAMES,
  nameMap,
  NOT_A_FRAGMENT,
  PROTOCOL_NAMES,
  TCP_FLAG_ALIASES,
  TCP_FLAG_NAMES,
} from './value-names';

const PROTOCOLS = nameMap(PROTOCOL_NAMES);
const ICMP_TYPES = nameMap(ICMP_TYPE_NAMES);
const ICMPV6_TYPES = nameMap(ICMPV6_TYPE_NAMES);
const ICMP_CODES = nameMap(ICMP_CODE_NAMES);
const TCP_FLAGS = nameMap(TCP_FLAG_NAMES, TCP_FLAG_ALIASES);
const FRAGMENTS = nameMap(FRAGMENT_NAMES);

const IS_FRAGMENT = 0x02;

/** A decimal (up to 10 digits) or 0x hex (up to 8 digits) number, or undefined. By char code: this runs per value. */
export function numberOf(text: string): number | undefined {
  const n = text.length;
  if (n === 0) return undefined;
  if (n > 2 && text.charCodeAt(0) === 48 && (text.charCodeAt(1) | 0x20) === 120) {
    if (n > 10) return undefined;
    let value = 0;
    for (let i = 2; i < n; i++) {
      const c = text.charCodeAt(i) | 0x20; // lower-cases A-F, keeps digits
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (digit < 0) return undefined;
      value = value * 16 + digit;
    }
    return value;
  }
  if (n > 10) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

function namesFor(type: number, afi: FlowAfi): ReadonlyMap<string, number> | undefined {
  switch (type) {
    case FlowComponentType.IP_PROTOCOL:
      return PROTOCOLS;
    case FlowComponentType.ICMP_TYPE:
      return afi === 1 ? ICMP_TYPES : ICMPV6_TYPES;
    case FlowComponentType.ICMP_CODE:
      return ICMP_CODES;
    default:
      return undefined;
  }
}

function numericValue(text: string, type: number, afi: FlowAfi, max: number): number | string {
  const value = numberOf(text) ?? namesFor(type, afi)?.get(text.toLowerCase());
  if (value === undefined) {
    const names = namesFor(type, afi);
    return names ? `expected a number 0..${max} or a name (${[...names.keys()].slice(0, 6).join(', ')}, ...)` : `expected a number 0..${max}`;
  }
  if (value > max) return `${value} is above ${max}`;
  return value;
}

/** Splits "a&b&c" keeping empty parts, so "&x" and "x&" are reported. */
function andParts(item: string): string[] {
  return item.split('&');
}

/** `max` narrows the component's range (`dscp` is 0..63 where `traffic-class` is 0..255). */
export function parseNumericItem(item: string, type: number, afi: FlowAfi, max = componentInfo(afi, type)?.maxValue ?? 0xffffffff): NumericOp[] | string {
  const ops: NumericOp[] = [];
  const parts = item.indexOf('&') < 0 ? [item] : andParts(item);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') return i === 0 ? 'an item cannot start with &' : 'an item cannot end with & or hold &&';
    const and = i > 0;
    // "true" / "false" (any case): the only items starting with t or f.
    const first = part.charCodeAt(0) | 0x20;
    const lower = first === 116 || first === 102 ? part.toLowerCase() : '';
    if (lower === 'true' || lower === 'false') {
      const all = lower === 'true';
      ops.push(numericOp(and, all, all, all, 0));
      continue;
    }
    let lt = false;
    let gt = false;
    let eq = false;
    let rest = part;
    if (rest.startsWith('==')) {
      eq = true;
      rest = rest.slice(2);
    } else if (rest.startsWith('!=')) {
      lt = gt = true;
      rest = rest.slice(2);
    } else if (rest.startsWith('>=') || rest.startsWith('<=')) {
      gt = rest[0] === '>';
      lt = !gt;
      eq = true;
      rest = rest.slice(2);
    } else if (rest[0] === '>' || rest[0] === '<') {
      gt = rest[0] === '>';
      lt = !gt;
      rest = rest.slice(1);
    } else if (rest[0] === '=') {
      eq = true;
      rest = rest.slice(1);
    } else if (rest[0] === '!') {
      return 'a numeric "not equal" is written !=';
    } else {
      eq = true; // a bare value means equal, as in ExaBGP
    }
    const value = numericValue(rest, type, afi, max);
    if (typeof value === 'string') return value;
    ops.push(numericOp(and, lt, gt, eq, value));
  }
  return ops;
}

function bitmaskValue(text: string, type: number, max: number): { value: number; negate: boolean } | string {
  const names = type === FlowComponentType.TCP_FLAGS ? TCP_FLAGS : FRAGMENTS;
  if (type === FlowComponentType.FRAGMENT && text.toLowerCase() === NOT_A_FRAGMENT) {
    // ExaBGP 4.2 encodes "not-a-fragment" as the value 0, which matches no packet (or every one
    // with =): what it means is "not is-fragment" (ExaBGP 5 dropped the word for "!is-fragment").
    return { value: IS_FRAGMENT, negate: true };
  }
  let value = 0;
  for (const part of text.split('+')) {
    const bit = names.get(part.toLowerCase()) ?? numberOf(part);
    if (bit === undefined) {
      const what = type === FlowComponentType.TCP_FLAGS ? 'TCP flags' : 'fragment flags';
      const known = type === FlowComponentType.TCP_FLAGS ? TCP_FLAG_NAMES : FRAGMENT_NAMES;
      const list = known.map(([name]) => name).join(', ');
      return part === '' ? `expected ${what} joined by +` : `"${part}" is not one of the ${what} (${list}${type === FlowComponentType.FRAGMENT ? `, ${NOT_A_FRAGMENT}` : ''}) or a number`;
    }
    if (type === FlowComponentType.FRAGMENT && part.toLowerCase() === NOT_A_FRAGMENT) return `${NOT_A_FRAGMENT} cannot be combined with other flags`;
    value |= bit;
  }
  if (value > max) return `${value} is above ${max}`;
  return { value, negate: false };
}

export function parseBitmaskItem(item: string, type: number, afi: FlowAfi): BitmaskOp[] | string {
  const max = componentInfo(afi, type)?.maxValue ?? 0xffff;
  const ops: BitmaskOp[] = [];
  const parts = item.indexOf('&') < 0 ? [item] : andParts(item);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') return i === 0 ? 'an item cannot start with &' : 'an item cannot end with & or hold &&';
    let not = false;
    let match = false;
    let rest = part;
    if (rest.startsWith('!=')) {
      not = match = true;
      rest = rest.slice(2);
    } else if (rest[0] === '!') {
      not = true;
      rest = rest.slice(1);
    } else if (rest[0] === '=') {
      match = true;
      rest = rest.slice(1);
    }
    const value = bitmaskValue(rest, type, max);
    if (typeof value === 'string') return value;
    ops.push(bitmaskOp(i > 0, value.negate ? !not : not, match, value.value));
  }
  return ops;
}
