/**
 * The text of a labeled NLRI, ExaBGP's (nlri/label.py, ipvpn.py `extensive()` without the next
 * hop): "10.0.0.0/25 label 1000 rd 65000:1", "10.0.0.0/24 label [ 1000 2000 ]". A stack that labels
 * written by hand would not give (TC bits set, no bottom-of-stack bit: a withdrawal's 0x800000) is
 * written with each raw entry, ExaBGP's own form for it: "label 524288 (8388608)". This text is the
 * canonical one (RIB keys, listings, logs) and reads back to the same value; the words may come in
 * any order, as in ExaBGP's `announce route`.
 */
import { formatRouteDistinguisher, parseRouteDistinguisher, type RouteDistinguisher } from '../route-distinguisher';
import { entryOf, isPlainStack, labelOf, MAX_LABEL, type LabeledPrefix } from './types';
import type { FamilyParse } from '../family-descriptor';

/** " label 1000" / " label [ 1000 2000 ]", with " (raw)" after each label when the stack is not plain. */
export function labelsText(stack: readonly number[], raw = !isPlainStack(stack)): string {
  if (stack.length === 0) return '';
  const items = stack.map((e) => (raw ? `${labelOf(e)} (${e})` : `${labelOf(e)}`));
  return items.length === 1 ? ` label ${items[0]}` : ` label [ ${items.join(' ')} ]`;
}

export function formatLabeledPrefix(value: LabeledPrefix): string {
  return `${value.prefix}${labelsText(value.stack)}${value.rd ? ` rd ${formatRouteDistinguisher(value.rd)}` : ''}`;
}

/** The words of a text, "[" and "]" apart. */
function words(text: string): string[] {
  return text.replace(/\[/g, ' [ ').replace(/\]/g, ' ] ').trim().split(/\s+/).filter((w) => w !== '');
}

/** A stack from label words: "1000", "[ 1000 2000 ]", each maybe followed by "(raw entry)". */
export function parseLabelWords(values: readonly string[]): readonly number[] | string {
  const labels: number[] = [];
  const raws: Array<number | undefined> = [];
  for (const word of values) {
    const entry = /^\((\d{1,8})\)$/.exec(word);
    if (entry) {
      const value = Number(entry[1]);
      if (labels.length === 0 || value > 0xffffff || labelOf(value) !== labels[labels.length - 1]) return `raw label entry ${word} does not hold the label before it`;
      raws[labels.length - 1] = value;
      continue;
    }
    if (!/^\d{1,7}$/.test(word) || Number(word) > MAX_LABEL) return `label "${word}" is not an MPLS label (0..${MAX_LABEL})`;
    labels.push(Number(word));
    raws.push(undefined);
  }
  if (labels.length === 0) return 'expected a label or a list of labels like [ 1000 2000 ]';
  // A label without its raw entry is written as ExaBGP writes it: S bit on the last (RFC 3032 §2.1).
  return labels.map((label, i) => raws[i] ?? entryOf(label, i === labels.length - 1));
}

export interface LabeledWords {
  readonly prefix: string;
  /** Each qualifier word with its values: "label" → ["1000"] or ["1000", "2000"], "rd" → ["65000:1"]. */
  readonly qualifiers: ReadonlyMap<string, readonly string[]>;
}

/** Splits "10.0.0.0/25 rd 65000:1 label [ 1000 2000 ]" into its prefix and qualifiers. */
export function splitLabeledText(text: string): LabeledWords | string {
  const all = words(text);
  if (all.length === 0) return 'expected a prefix';
  const qualifiers = new Map<string, string[]>();
  for (let i = 1; i < all.length; ) {
    const word = all[i++];
    const key = word === 'route-distinguisher' ? 'rd' : word;
    if (key !== 'rd' && key !== 'label') return `unexpected "${word}" (expected label or rd)`;
    if (qualifiers.has(key)) return `${key} given twice`;
    const values: string[] = [];
    if (all[i] === '[') {
      const close = all.indexOf(']', i);
      if (close < 0) return `${key}: "[" without "]"`;
      values.push(...all.slice(i + 1, close));
      i = close + 1;
    } else if (i < all.length) {
      values.push(all[i++]);
    }
    if (i < all.length && /^\(\d+\)$/.test(all[i])) values.push(all[i++]);
    qualifiers.set(key, values);
  }
  return { prefix: all[0], qualifiers };
}

/** The RD of "rd" words, or why not. */
export function parseRdWords(values: readonly string[]): RouteDistinguisher | string {
  if (values.length !== 1) return 'expected one route distinguisher like 65000:1';
  return parseRouteDistinguisher(values[0]);
}

export type { FamilyParse };
