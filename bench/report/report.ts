/**
 * The whole printed report: the machine note, one table per comparison group that has a result,
 * each case's checks and failure details, the targets summary, and last one `target N: status`
 * line per target for grep.
 */
import type { CaseResult } from '../cases/case-types';
import { groupsOf } from './groups';
import { RATIO_LEGEND, formatGroup } from './table';
import { evaluateTargets, formatTargetLines, formatTargetSummary } from './targets';

export function formatReport(results: readonly CaseResult[], machineNote: string): string {
  const tables = groupsOf(results).flatMap((g) => {
    const lines = formatGroup(g, results);
    return lines.length ? [...lines, ''] : [];
  });
  const outcomes = evaluateTargets(results);
  return [
    machineNote,
    '',
    RATIO_LEGEND,
    '',
    ...tables,
    ...results.flatMap(caseDetails),
    '',
    '## Targets',
    '',
    ...formatTargetSummary(outcomes),
    '',
    ...formatTargetLines(outcomes),
  ].join('\n') + '\n';
}

/** "emit:" then what its checks verified, why it is not ok, and its untimed setup. */
export function caseDetails(r: CaseResult): string[] {
  const lines = r.checks.map((c) => `ok: ${c}`);
  if (r.detail) lines.push(`${r.status}: ${r.detail}`);
  if (r.setupSeconds !== undefined) lines.push(`setup (not timed): ${r.setupSeconds.toFixed(1)} s`);
  return [`${r.name}:`, ...lines.map((l) => `  ${l}`)];
}
