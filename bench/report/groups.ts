/**
 * The comparison tables of the report. Each case names the groups it is a row of (BenchCase.groups);
 * a group says which side of its cases is compared: the sender when rxbgp sends (emit, api,
 * realistic-emit), the receiver when rxbgp receives (ingest, realistic-ingest, many-peers,
 * ingest-json). A row is rxbgp's when that side is rxbgp; the group's other rows are its references.
 */
import type { CaseResult } from '../cases/case-types';
import { shortCount } from './format';

export type Side = 'sender' | 'receiver';

export interface GroupDefinition {
  readonly name: string;
  /** The table's heading, given N (as "1 M") of the group's rxbgp row. */
  readonly title: (n: string) => string;
  readonly side: Side;
  /** 'transfer': rows are timed transfers; 'figures': rows are the numbers a case reported (codec). */
  readonly kind: 'transfer' | 'figures';
}

/** In the order the report prints them. */
export const GROUPS: readonly GroupDefinition[] = [
  { name: 'emit', title: (n) => `Emit: ${n} prefixes from the config → BIRD`, side: 'sender', kind: 'transfer' },
  { name: 'ingest', title: (n) => `Ingest: ${n} prefixes from BIRD, decoded, kept and counted`, side: 'receiver', kind: 'transfer' },
  { name: 'ingest-json', title: (n) => `Ingest as ExaBGP JSON: ${n} prefixes from BIRD written out as JSON`, side: 'receiver', kind: 'transfer' },
  { name: 'api-routes', title: (n) => `Helper API: ${n} \`announce route\` lines → BIRD`, side: 'sender', kind: 'transfer' },
  { name: 'api-batches', title: (n) => `Helper API: ${n} prefixes as \`announce attributes … nlri\` batches → BIRD`, side: 'sender', kind: 'transfer' },
  { name: 'realistic-emit', title: (n) => `Realistic table, emit: ${n} IPv4 + IPv6 prefixes → BIRD`, side: 'sender', kind: 'transfer' },
  { name: 'realistic-ingest', title: (n) => `Realistic table, ingest: ${n} IPv4 + IPv6 prefixes from BIRD`, side: 'receiver', kind: 'transfer' },
  { name: 'many-peers', title: (n) => `Many peers: 100 BIRD sessions → one receiver, ${n} prefixes in all`, side: 'receiver', kind: 'transfer' },
  { name: 'codec', title: (n) => `Codec: UPDATE decoding and encoding of a captured ${n}-prefix stream`, side: 'receiver', kind: 'figures' },
  { name: 'flow-api', title: (n) => `FlowSpec helper API: ${n} distinct \`announce flow route\` DDoS rules → BIRD flow4 (prefixes/s = rules/s)`, side: 'sender', kind: 'transfer' },
  { name: 'flow-latency', title: (n) => `FlowSpec latency: ${n} single \`announce flow route\` lines on an idle session, helper write → UPDATE at the peer`, side: 'sender', kind: 'figures' },
  { name: 'flow-decode', title: (n) => `FlowSpec decode: a ${n}-rule UPDATE stream from rxbgp's send path`, side: 'receiver', kind: 'figures' },
];

/** A group no definition names still gets a table (receiver side), so no result goes unprinted. */
export function groupNamed(name: string): GroupDefinition {
  return GROUPS.find((g) => g.name === name) ?? { name, title: (n) => `${name}: ${n} prefixes`, side: 'receiver', kind: 'transfer' };
}

/** Every group the results are rows of: the defined ones first, in their order, then any other. */
export function groupsOf(results: readonly CaseResult[]): GroupDefinition[] {
  const named = new Set(results.flatMap((r) => r.groups));
  return [...GROUPS.filter((g) => named.has(g.name)), ...[...named].filter((name) => !GROUPS.some((g) => g.name === name)).map(groupNamed)];
}

/** "rxbgp", "rxbgp + helper": the program on that side is rxbgp. */
export function isRxbgp(program: string): boolean {
  return /^rxbgp\b/i.test(program);
}

export interface GroupRows {
  readonly rxbgp: readonly CaseResult[];
  readonly references: readonly CaseResult[];
}

export function rowsOf(group: GroupDefinition, results: readonly CaseResult[]): GroupRows {
  const rows = results.filter((r) => r.groups.includes(group.name));
  const ours = (r: CaseResult) => isRxbgp(group.side === 'sender' ? r.sender : r.receiver);
  return { rxbgp: rows.filter(ours), references: rows.filter((r) => !ours(r)) };
}

/** The N in a group's title: its (first) rxbgp row's, else its first row's. */
export function groupTitle(group: GroupDefinition, rows: GroupRows): string {
  const first = rows.rxbgp[0] ?? rows.references[0];
  return group.title(first ? shortCount(first.n) : 'N');
}
