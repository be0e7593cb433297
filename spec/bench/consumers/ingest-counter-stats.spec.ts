import { ingestCounterVerdict, type IngestCounterStats } from '../../../bench/consumers/ingest-counter-stats';

const exact: IngestCounterStats = { distinct: 100, entries: 100, duplicates: 0, unexpected: 0, withdrawn: 0, updates: 3, otherFamilies: 0, ribIn: 100 };

describe('ingestCounterVerdict', () => {
  it('checks the exact run and the Adj-RIB-In', () => {
    expect(ingestCounterVerdict(exact, 100, false)).toEqual({
      checks: [
        'consumer: 100 distinct of 100 expected prefixes in 3 update events, 0 repeated, 0 unexpected, 0 withdrawn, 0 lists of other families',
        'Adj-RIB-In held 100 routes (expected 100)',
        'the set of announced prefixes equals the run sent',
      ],
      problems: [],
    });
  });

  it('finds a missing, repeated or withdrawn prefix, a short Adj-RIB-In and no counts at all', () => {
    expect(ingestCounterVerdict({ ...exact, distinct: 99 }, 100, false).problems).toHaveLength(1);
    expect(ingestCounterVerdict({ ...exact, entries: 101, duplicates: 1 }, 100, false).problems).toHaveLength(1);
    expect(ingestCounterVerdict({ ...exact, withdrawn: 1 }, 100, false).problems).toHaveLength(1);
    expect(ingestCounterVerdict({ ...exact, ribIn: 0 }, 100, false).problems).toEqual(['Adj-RIB-In held 0 routes (expected 100)']);
    expect(ingestCounterVerdict(undefined, 100, false)).toEqual({ checks: [], problems: ['the consumer printed no final counts'] });
  });

  it('with a rewrite expected, needs every prefix rewritten and the counts of it', () => {
    expect(ingestCounterVerdict({ ...exact, rewritten: 100, notRewritten: 0 }, 100, true).checks).toContain(
      "100 prefixes arrived with the import policy's MED and community, 0 without",
    );
    expect(ingestCounterVerdict({ ...exact, rewritten: 90, notRewritten: 10 }, 100, true).problems).toEqual([
      "90 prefixes arrived with the import policy's MED and community, 10 without",
    ]);
    expect(ingestCounterVerdict(exact, 100, true).problems).toEqual(['the consumer did not check the rewritten attributes']);
  });
});
