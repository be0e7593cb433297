/**
 * A FlowSpec rule's identity and order.
 *
 * Key: the canonical NLRI value (RD and components, RFC 8955 §4.2, smallest value lengths, first a
 * bit clear, reserved bits zero) as a latin1 string. Two rules that match the same packets the same
 * way in the same encoding get the same key; that is what a peer withdraws, so it is the RIB key.
 *
 * Order: RFC 8955 §5.1 (IPv4) and RFC 8956 §4 (IPv6 offsets), the order in which rules are applied.
 */
import { parseIpv4PrefixPacked, packedAddress } from '../../wire/nlri/ipv4-prefix';
import { parseIpv6PrefixInto } from '../../wire/nlri/ipv6-prefix';
import { Writer } from '../../wire/writer';
import { componentInfo } from './component-types';
import { encodeFlowRuleValue, encodeOps } from './encode-rule';
import { wireKeyOf } from './wire-flow-rule';
import type { FlowAfi, FlowComponent, FlowFamily, FlowRule, PrefixComponent } from './types';

/** Reused: keys and comparisons are synchronous. */
const scratch = new Writer(256);

/** The RIB key of a rule in its family (throws like encodeFlowRule on a rule that cannot be sent). */
export function flowRuleKey(rule: FlowRule, family: FlowFamily): string {
  const octets = wireKeyOf(rule, family.afi, family.safi);
  if (octets !== undefined) return octets;
  scratch.reset();
  encodeFlowRuleValue(scratch, rule, family);
  return scratch.view().toString('latin1');
}

/** Rules are the same NLRI (same key). */
export function sameFlowRule(a: FlowRule, b: FlowRule, family: FlowFamily): boolean {
  return flowRuleKey(a, family) === flowRuleKey(b, family);
}

/**
 * RFC 8955 §5.1 / RFC 8956 §4: negative when `a` has precedence (is applied first), positive when
 * `b` has, 0 when equal. Components are compared pairwise by type (a missing component counts as
 * an infinite type, so the rule that has the lower type first wins); prefixes by offset (lower
 * first), then the common bits (lower value first), then length (longer first); other components
 * by their encoded operator lists (lower first, then longer first). RDs are not ordered by the RFC:
 * rules of different RDs compare by RD octets first so the order is total.
 */
export function compareFlowRules(a: FlowRule, b: FlowRule, afi: FlowAfi): number {
  const rd = compareRd(a, b);
  if (rd !== 0) return rd;
  const n = Math.max(a.components.length, b.components.length);
  for (let i = 0; i < n; i++) {
    const ca = a.components[i];
    const cb = b.components[i];
    if (!ca) return 1;
    if (!cb) return -1;
    if (ca.type !== cb.type) return ca.type < cb.type ? -1 : 1;
    const cmp = ca.kind === 'prefix' ? comparePrefix(ca, cb as PrefixComponent, afi) : compareBytes(opsBytes(ca, afi), opsBytes(cb, afi));
    if (cmp !== 0) return cmp;
  }
  return 0;
}

function compareRd(a: FlowRule, b: FlowRule): number {
  if (!a.rd || !b.rd) return 0;
  const x = [a.rd.type, a.rd.admin, a.rd.assigned];
  const y = [b.rd.type, b.rd.admin, b.rd.assigned];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** The encoded {op, value} list of a component, compared as memcmp() does in the RFC. */
function opsBytes(component: FlowComponent, afi: FlowAfi): Buffer {
  if (component.kind === 'prefix') return Buffer.alloc(0);
  const info = componentInfo(afi, component.type);
  const w = new Writer(32);
  encodeOps(w, component.ops, component.kind === 'numeric', info?.maxLength ?? 4, info?.name[afi] ?? String(component.type));
  return w.view();
}

/** memcmp over the common length; equal, the longer string has precedence. */
function compareBytes(a: Buffer, b: Buffer): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length > b.length ? -1 : 1;
}

const words = new Uint16Array(8);

/** Address bits (MSB first) and length of a prefix component. */
function prefixBits(component: PrefixComponent, afi: FlowAfi): { bytes: number[]; length: number } {
  if (afi === 1) {
    const packed = parseIpv4PrefixPacked(component.prefix);
    const v = packedAddress(packed);
    return { bytes: [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255], length: packed - Math.floor(packed / 64) * 64 };
  }
  const length = parseIpv6PrefixInto(component.prefix, words);
  const bytes: number[] = [];
  for (let i = 0; i < 8; i++) bytes.push(words[i] >> 8, words[i] & 255);
  return { bytes, length };
}

function comparePrefix(a: PrefixComponent, b: PrefixComponent, afi: FlowAfi): number {
  // RFC 8956 §4: the lower offset has precedence.
  if (a.offset !== b.offset) return a.offset < b.offset ? -1 : 1;
  const x = prefixBits(a, afi);
  const y = prefixBits(b, afi);
  const common = Math.min(x.length, y.length);
  for (let bit = a.offset; bit < common; bit++) {
    const mask = 0x80 >> (bit & 7);
    const bx = x.bytes[bit >> 3] & mask;
    const by = y.bytes[bit >> 3] & mask;
    if (bx !== by) return bx < by ? -1 : 1;
  }
  // Equal on the common bits: the longest match has precedence.
  return x.length === y.length ? 0 : x.length > y.length ? -1 : 1;
}
