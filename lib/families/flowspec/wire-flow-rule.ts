/**
 * A rule held as its NLRI value octets (RFC 8955 §4.2: the components in type order, each value in
 * its smallest length), the form the one-pass reader (parse-flow-fast.ts) writes straight from a
 * helper's line. The octets are the rule's RIB key (rule-key.ts) and what the encoder copies into an
 * UPDATE; the components are decoded from them only when something reads them (a policy, an event,
 * a listing), then kept. A DDoS tool floods rules that are keyed, stored and sent and never read
 * again: this keeps each to one short string instead of a tree of component objects.
 *
 * Only flow rules (SAFI 133, no route distinguisher) are held so.
 */
import { decodeComponents } from './decode-rule';
import type { FlowAfi, FlowComponent, FlowRule } from './types';

/**
 * The octets and the decoded components are private fields and `components` a getter: a reader
 * makes one of these per line of a flood, so it costs one small object and its key string, with no
 * per-object property definitions. toJSON gives the plain rule; the specs compare one with a plain
 * rule through an equality tester (spec/setup/flow-rule-equality.ts).
 */
export class WireFlowRule implements FlowRule {
  readonly #key: string;
  readonly #afi: FlowAfi;
  #components: readonly FlowComponent[] | undefined = undefined;

  /** `key`: the value octets as a latin1 string; the caller wrote them, so they decode. */
  constructor(key: string, afi: FlowAfi) {
    this.#key = key;
    this.#afi = afi;
  }

  /** The value octets (RFC 8955 §4.2) as a latin1 string: the rule's RIB key. */
  get key(): string {
    return this.#key;
  }

  get afi(): FlowAfi {
    return this.#afi;
  }

  get components(): readonly FlowComponent[] {
    if (this.#components === undefined) {
      const octets = Buffer.from(this.#key, 'latin1');
      const components = decodeComponents(octets, 0, octets.length, this.#afi);
      // The reader wrote these octets from values it had checked: a failure is a bug there.
      if (typeof components === 'string') throw new Error(`a FlowSpec rule read from text does not decode: ${components}`);
      this.#components = components;
    }
    return this.#components;
  }

  toJSON(): FlowRule {
    return { components: this.components };
  }
}

/** The rule's octets when it is held as octets in this family (flow, not flow-vpn), else undefined. */
export function wireKeyOf(rule: FlowRule, afi: FlowAfi, safi: number, wholeIpv6Prefix = false): string | undefined {
  return rule instanceof WireFlowRule && rule.afi === afi && safi === 133 && !(wholeIpv6Prefix && afi === 2) ? rule.key : undefined;
}
