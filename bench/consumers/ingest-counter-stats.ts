/** The final counts bench/consumers/ingest-counter.ts prints (`stats {json}`), and what they prove about a run. */

export interface IngestCounterStats {
  readonly distinct: number;
  readonly entries: number;
  readonly duplicates: number;
  readonly unexpected: number;
  readonly withdrawn: number;
  readonly updates: number;
  readonly otherFamilies: number;
  readonly ribIn: number;
  /** With an attribute expectation (--expect-med, --expect-community): prefixes whose attributes met it, and did not. */
  readonly rewritten?: number;
  readonly notRewritten?: number;
}

export interface StatsVerdict {
  readonly checks: string[];
  readonly problems: string[];
}

/**
 * What the counts say about a run of `n` prefixes: each statement goes to checks when it holds and
 * to problems when it does not. `expectRewrite`: the consumer was given an attribute expectation,
 * and every counted prefix must have met it.
 */
export function ingestCounterVerdict(stats: IngestCounterStats | undefined, n: number, expectRewrite: boolean): StatsVerdict {
  const checks: string[] = [];
  const problems: string[] = [];
  if (!stats) return { checks, problems: ['the consumer printed no final counts'] };
  const summary =
    `consumer: ${stats.distinct} distinct of ${n} expected prefixes in ${stats.updates} update events, ` +
    `${stats.duplicates} repeated, ${stats.unexpected} unexpected, ${stats.withdrawn} withdrawn, ${stats.otherFamilies} lists of other families`;
  const exact = stats.distinct === n && stats.entries === n && stats.unexpected === 0 && stats.withdrawn === 0;
  (exact ? checks : problems).push(summary);
  (stats.ribIn === n ? checks : problems).push(`Adj-RIB-In held ${stats.ribIn} routes (expected ${n})`);
  if (exact) checks.push('the set of announced prefixes equals the run sent');
  if (expectRewrite) {
    if (stats.rewritten === undefined || stats.notRewritten === undefined) problems.push('the consumer did not check the rewritten attributes');
    else {
      const all = stats.rewritten === n && stats.notRewritten === 0;
      (all ? checks : problems).push(`${stats.rewritten} prefixes arrived with the import policy's MED and community, ${stats.notRewritten} without`);
    }
  }
  return { checks, problems };
}
