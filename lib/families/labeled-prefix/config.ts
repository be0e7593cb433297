/**
 * A labeled NLRI in the JSON config (camelCase after ExaBGP's keywords): `{ "prefix": "10.0.0.0/25",
 * "labels": [1000], "rd": "65000:1" }`, or its text ("10.0.0.0/25 label 1000 rd 65000:1"). A stack
 * with raw entries (TC bits, no bottom-of-stack bit) has no object form and is written as its text.
 */
import type { FamilyParse } from '../family-descriptor';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { isPlainStack, labelOf, type LabeledPrefix } from './types';

export interface LabeledConfig {
  readonly prefix: string;
  readonly labels: readonly number[];
  readonly rd?: string;
}

/** The words of the text form an object stands for, for the family's text parser; or why not. */
export function configText(value: unknown): string | FamilyParse<never> {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `expected { "prefix": ..., "labels": [...] } or the route's text, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (key !== 'prefix' && key !== 'labels' && key !== 'rd') return { ok: false, error: `unknown key "${key}" (expected prefix, labels, rd)` };
  if (typeof o.prefix !== 'string') return { ok: false, error: 'prefix: expected a prefix string' };
  if (!Array.isArray(o.labels) || o.labels.length === 0 || !o.labels.every((l) => Number.isInteger(l))) return { ok: false, error: 'labels: expected a list of MPLS labels like [1000]' };
  if (o.rd !== undefined && typeof o.rd !== 'string') return { ok: false, error: 'rd: expected a route distinguisher like "65000:1"' };
  return `${o.prefix} label [ ${o.labels.join(' ')} ]${o.rd !== undefined ? ` rd ${o.rd}` : ''}`;
}

export function encodeLabeledConfig(value: LabeledPrefix, text: string): LabeledConfig | string {
  if (!isPlainStack(value.stack)) return text;
  const labels = value.stack.map(labelOf);
  return value.rd ? { prefix: value.prefix, labels, rd: formatRouteDistinguisher(value.rd) } : { prefix: value.prefix, labels };
}
