/** fast-check generators of valid FlowSpec rules (canonical: what decode gives back). */
import fc from 'fast-check';
import { componentInfo, type FlowAfi, type FlowComponent, type FlowRule, type RouteDistinguisher } from '../../../../lib/families/flowspec';
import { formatIpv4Number, formatIpv6 } from '../../../../lib/wire/address';

function ipv4Prefix(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([address, length]) => {
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    return `${formatIpv4Number((address & mask) >>> 0)}/${length}`;
  });
}

/** An IPv6 prefix whose bits outside [offset, length) are zero, and its offset. */
function ipv6Prefix(): fc.Arbitrary<{ prefix: string; offset: number }> {
  return fc
    .tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 128 }), fc.nat())
    .map(([bytes, length, seed]) => {
      const offset = length === 0 ? 0 : seed % length;
      const address = Uint8Array.from(bytes);
      for (let bit = 0; bit < 128; bit++) if (bit < offset || bit >= length) address[bit >> 3] &= ~(0x80 >> (bit & 7));
      return { prefix: `${formatIpv6(address)}/${length}`, offset };
    });
}

export interface RuleOptions {
  /** Values the text form prints as something it reads back the same (true/false carry 0, DSCP 0..63). */
  readonly forText?: boolean;
}

function numericOp(max: number, options: RuleOptions) {
  return fc
    .record({ and: fc.boolean(), lt: fc.boolean(), gt: fc.boolean(), eq: fc.boolean(), value: fc.integer({ min: 0, max }) })
    .map((op) => (options.forText && op.lt === op.gt && op.gt === op.eq ? { ...op, value: 0 } : op));
}

function bitmaskOp(max: number) {
  return fc.record({ and: fc.boolean(), not: fc.boolean(), match: fc.boolean(), value: fc.integer({ min: 0, max }) });
}

function component(afi: FlowAfi, type: number, options: RuleOptions): fc.Arbitrary<FlowComponent> {
  const info = componentInfo(afi, type)!;
  if (info.kind === 'prefix') {
    const t = type as 1 | 2;
    if (afi === 1) return ipv4Prefix().map((prefix) => ({ kind: 'prefix', type: t, prefix, offset: 0 }));
    return ipv6Prefix().map(({ prefix, offset }) => ({ kind: 'prefix', type: t, prefix, offset }));
  }
  const max = options.forText && type === 11 ? 63 : info.maxValue;
  const first = <T extends { and: boolean }>(ops: T[]): T[] => ops.map((op, i) => (i === 0 ? { ...op, and: false } : op));
  if (info.kind === 'numeric') {
    return fc.array(numericOp(max, options), { minLength: 1, maxLength: 4 }).map((ops) => ({ kind: 'numeric', type: type as 3, ops: first(ops) }));
  }
  return fc.array(bitmaskOp(max), { minLength: 1, maxLength: 4 }).map((ops) => ({ kind: 'bitmask', type: type as 9, ops: first(ops) }));
}

function routeDistinguisher(options: RuleOptions): fc.Arbitrary<RouteDistinguisher> {
  const text = [
    fc.record({ type: fc.constant(0), admin: fc.integer({ min: 0, max: 0xffff }), assigned: fc.integer({ min: 0, max: 0xffffffff }) }),
    fc.record({ type: fc.constant(1), admin: fc.integer({ min: 0, max: 0xffffffff }), assigned: fc.integer({ min: 0, max: 0xffff }) }),
    // A type 2 RD with a 2-octet AS reads back as type 0 from text.
    fc.record({ type: fc.constant(2), admin: fc.integer({ min: 0x10000, max: 0xffffffff }), assigned: fc.integer({ min: 0, max: 0xffff }) }),
  ];
  if (options.forText) return fc.oneof(...text);
  return fc.oneof(...text, fc.record({ type: fc.integer({ min: 3, max: 0xffff }), admin: fc.integer({ min: 0, max: 0xffffffff }), assigned: fc.integer({ min: 0, max: 0xffff }) }));
}

/** A valid rule of the family: some component types, each once, in increasing order. */
export function flowRule(afi: FlowAfi, vpn: boolean, options: RuleOptions = {}): fc.Arbitrary<FlowRule> {
  const types = Array.from({ length: afi === 1 ? 12 : 13 }, (_, i) => i + 1);
  return fc
    .subarray(types, { minLength: options.forText ? 1 : 0 })
    .chain((chosen) => fc.tuple(...chosen.map((type) => component(afi, type, options))))
    .chain((components) =>
      vpn ? routeDistinguisher(options).map((rd) => ({ rd, components })) : fc.constant({ components } as FlowRule),
    );
}
