/**
 * What a policy sees of one FlowSpec rule (the flow families' policyView): the decoded components
 * (RFC 8955 §4.2.2, RFC 8956 §3) with the accessors a policy reads, such as the destination
 * prefix and its length, the protocols, the ports, and the rule's text. The actions are not here:
 * they are extended communities of the route's attributes, which the policy layer decodes beside this.
 *
 * One small object per rule, its text and prefixes made when first read. Flow tables are
 * thousands of rules, not a million prefixes, so a policy may keep a view (unlike the reused prefix
 * cursor).
 */
import { componentInfo, componentValueText, formatFlowRuleText, type FlowAfi, type FlowComponent, type FlowRule } from '../flowspec';

/** A destination or source prefix component. */
export interface FlowPrefixView {
  /** "192.0.2.0/24"; IPv6 "2001:db8::/64", the address with every bit outside [offset, length) zero. */
  readonly prefix: string;
  readonly length: number;
  /** IPv6 (RFC 8956 §3.1): the bits before it are not matched; 0 for IPv4 and plain IPv6 prefixes. */
  readonly offset: number;
}

/** A component's type number (1-13), or ExaBGP's name for it ("destination-port", "protocol", "next-header"). */
export type FlowComponentName = number | string;

/** What policies see of one FlowSpec rule. */
export interface FlowView {
  readonly kind: 'flow';
  readonly afi: FlowAfi;
  /** The rule as decoded: its components in type order, and a route distinguisher for flow-vpn. */
  readonly rule: FlowRule;
  /** The rule in ExaBGP's text ("flow destination-ipv4 10.0.0.0/24 protocol =tcp"). */
  readonly text: string;
  /** The destination prefix (type 1), or undefined when the rule matches every destination. */
  readonly destination: FlowPrefixView | undefined;
  /** The source prefix (type 2), or undefined when the rule matches every source. */
  readonly source: FlowPrefixView | undefined;
  /** The IP protocols (IPv6: next headers) matched as a plain list of values, e.g. [6, 17] (see values()). */
  readonly protocols: readonly number[] | undefined;
  /** The ports (type 4, either direction) matched as a plain list of values (see values()). */
  readonly ports: readonly number[] | undefined;
  readonly destinationPorts: readonly number[] | undefined;
  readonly sourcePorts: readonly number[] | undefined;
  /** The component of that type, or undefined when the rule has none. */
  component(type: FlowComponentName): FlowComponent | undefined;
  /**
   * The values a numeric component matches when it is a plain list of "=" items ("=tcp =udp",
   * "=80"). Undefined when the rule has no such component, or when it has ranges or other operators
   * ("[ >=8080&<=8088 ]"): then read component() or componentText().
   */
  values(type: FlowComponentName): readonly number[] | undefined;
  /** A component's value as ExaBGP writes it ("[ =80 >=8080&<=8088 ]", "10.0.0.0/24"), or undefined. */
  componentText(type: FlowComponentName): string | undefined;
}

const PROTOCOL = 3;
const PORT = 4;
const DESTINATION_PORT = 5;
const SOURCE_PORT = 6;

/** Type numbers by name, both families' names ("protocol" and "next-header" are both 3). */
const TYPES_BY_NAME = new Map<string, number>();
for (let type = 1; type <= 13; type++) {
  for (const afi of [1, 2] as const) {
    const info = componentInfo(afi, type);
    if (info) TYPES_BY_NAME.set(info.name[afi], type);
  }
}

function typeOf(type: FlowComponentName): number {
  if (typeof type === 'number') return type;
  const known = TYPES_BY_NAME.get(type);
  if (known === undefined) throw new Error(`"${type}" is not a FlowSpec component (one of ${[...TYPES_BY_NAME.keys()].join(', ')}, or a type number)`);
  return known;
}

export class FlowRuleView implements FlowView {
  readonly kind = 'flow';
  private textMade: string | undefined;
  /** The prefixes once read: null for "the rule has none". */
  private destinationMade: FlowPrefixView | null | undefined;
  private sourceMade: FlowPrefixView | null | undefined;

  constructor(
    readonly afi: FlowAfi,
    readonly rule: FlowRule,
  ) {}

  get text(): string {
    return (this.textMade ??= formatFlowRuleText(this.rule, this.afi));
  }

  get destination(): FlowPrefixView | undefined {
    if (this.destinationMade === undefined) this.destinationMade = this.prefixOf(1) ?? null;
    return this.destinationMade ?? undefined;
  }

  get source(): FlowPrefixView | undefined {
    if (this.sourceMade === undefined) this.sourceMade = this.prefixOf(2) ?? null;
    return this.sourceMade ?? undefined;
  }

  get protocols(): readonly number[] | undefined {
    return this.values(PROTOCOL);
  }

  get ports(): readonly number[] | undefined {
    return this.values(PORT);
  }

  get destinationPorts(): readonly number[] | undefined {
    return this.values(DESTINATION_PORT);
  }

  get sourcePorts(): readonly number[] | undefined {
    return this.values(SOURCE_PORT);
  }

  component(type: FlowComponentName): FlowComponent | undefined {
    const wanted = typeOf(type);
    // Components are in increasing type order (RFC 8955 §4.2), at most 13: a scan is the fastest.
    for (const c of this.rule.components) if (c.type === wanted) return c;
    return undefined;
  }

  values(type: FlowComponentName): readonly number[] | undefined {
    const c = this.component(type);
    if (!c || c.kind !== 'numeric') return undefined;
    const out: number[] = [];
    // Only ORed "=" items (RFC 8955 §4.2.1.1: eq alone, `and` unset) mean "one of these values".
    for (const op of c.ops) {
      if (op.and || !op.eq || op.lt || op.gt) return undefined;
      out.push(op.value);
    }
    return out;
  }

  componentText(type: FlowComponentName): string | undefined {
    const c = this.component(type);
    return c && componentValueText(c, this.afi);
  }

  private prefixOf(type: 1 | 2): FlowPrefixView | undefined {
    const c = this.component(type);
    if (!c || c.kind !== 'prefix') return undefined;
    const slash = c.prefix.lastIndexOf('/');
    return { prefix: c.prefix, length: Number(c.prefix.slice(slash + 1)), offset: c.offset };
  }
}
