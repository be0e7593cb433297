/**
 * One Markdown table per comparison group: a row per case with N, seconds, t99, prefixes/s, CPU
 * and peak RSS of the compared side, and a column per reference with rxbgp's ratio to it.
 */
import type { CaseResult, Figure } from '../cases/case-types';
import { cpuOf, peakRssOf, rate, timed, timeRatio } from './compare';
import { count, figureValue, megabytes, seconds, times } from './format';
import { groupTitle, rowsOf, type GroupDefinition } from './groups';

/** What the ratio columns hold, printed once above the tables. */
export const RATIO_LEGEND =
  '×ref: rxbgp\'s time over the reference\'s ("time", < 1: rxbgp is faster); where the two moved another N, ' +
  'rxbgp\'s prefixes/s over the reference\'s ("rate", > 1: rxbgp is faster)';

/** The group's heading, table and figure lines; no lines when no result is a row of it. */
export function formatGroup(group: GroupDefinition, results: readonly CaseResult[]): string[] {
  const rows = rowsOf(group, results);
  if (!rows.rxbgp.length && !rows.references.length) return [];
  const heading = `## ${groupTitle(group, rows)}`;
  if (group.kind === 'figures') return [heading, '', ...figureTable([...rows.rxbgp, ...rows.references])];
  const header = [
    'case',
    'N',
    'seconds',
    't99 s',
    'prefixes/s',
    `${group.side} CPU s`,
    `${group.side} peak RSS`,
    ...rows.references.map((ref) => `×${ref.name}`),
  ];
  const body = [
    ...rows.rxbgp.map((r) => [...transferCells(r, group), ...rows.references.map((ref) => ratioCell(r, ref))]),
    ...rows.references.map((r) => [...transferCells(r, group), ...rows.references.map(() => '—')]),
  ];
  const figures = [...rows.rxbgp, ...rows.references].filter((r) => r.figures?.length).map((r) => `- ${r.name}: ${figureList(r.figures!)}`);
  return [heading, '', ...markdown(header, body), ...(figures.length ? ['', ...figures] : [])];
}

/** rxbgp's ratio to one reference, saying whether time or rate compared; "—" unless both finished. */
export function ratioCell(rxbgp: CaseResult, reference: CaseResult): string {
  if (!timed(rxbgp) || !timed(reference)) return '—';
  const r = timeRatio(rxbgp, reference);
  return r.basis === 'time' ? `${times(r.ratio)} time` : `${times(rate(rxbgp) / rate(reference))} rate`;
}

function transferCells(r: CaseResult, group: GroupDefinition): string[] {
  const m = r.measurement;
  return [
    caseLabel(r),
    count(r.n),
    timed(r) ? seconds(r.measurement.seconds) : m ? `${r.status} (${count(m.received)} held)` : r.status,
    seconds(m?.t99Seconds),
    timed(r) ? count(rate(r)) : '—',
    seconds(cpuOf(r, group.side)),
    megabytes(peakRssOf(r, group.side)),
  ];
}

/** Cases that only report numbers (codec): a row per figure; a case without figures shows its status. */
function figureTable(results: readonly CaseResult[]): string[] {
  const body = results.flatMap((r) => [
    ...(r.status !== 'ok' || !r.figures?.length ? [[caseLabel(r), r.status, '—', '—']] : []),
    ...(r.figures ?? []).map((f) => [caseLabel(r), f.name, figureValue(f.value), f.unit]),
  ]);
  return markdown(['case', 'figure', 'value', 'unit'], body);
}

export function figureList(figures: readonly Figure[]): string {
  return figures.map((f) => `${f.name} ${figureValue(f.value)} ${f.unit}`).join(', ');
}

function caseLabel(r: CaseResult): string {
  return `${r.name} (${r.sender} → ${r.receiver})`;
}

function markdown(header: readonly string[], body: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)];
}
