import { caseDetails, formatReport } from '../../../bench/report/report';
import { RATIO_LEGEND } from '../../../bench/report/table';
import { figuresOnly, notOk, transfer } from './fixtures';

const emit = { ...transfer('emit', { groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', seconds: 2 }), checks: ['BIRD holds exactly the run'], setupSeconds: 1.25 };
const birdBird = transfer('bird-bird', { groups: ['emit', 'ingest'], sender: 'BIRD', receiver: 'BIRD', seconds: 4 });
const ingest = notOk('ingest', ['ingest'], 'BIRD', 'rxbgp', 'timeout', { received: 12, detail: 'rxbgp to hold 1000000 prefixes (it holds 12)' });
const codec = figuresOnly('codec', ['codec'], [{ name: 'decode', value: 80, unit: 'ns/prefix' }]);

describe('formatReport', () => {
  const lines = formatReport([emit, birdBird, ingest, codec], 'MACHINE NOTE').split('\n');

  it('prints the machine note first, then the legend and one table per group with results', () => {
    expect(lines.slice(0, 3)).toEqual(['MACHINE NOTE', '', RATIO_LEGEND]);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Emit: 1 M prefixes from the config → BIRD',
      '## Ingest: 1 M prefixes from BIRD, decoded, kept and counted',
      '## Codec: UPDATE decoding and encoding of a captured 1 M-prefix stream',
      '## Targets',
    ]);
  });

  it("prints each case's checks and failure after the tables, then the targets, and last one line per target", () => {
    const details = lines.indexOf('emit:');
    expect(details).toBeGreaterThan(lines.findIndex((l) => l.startsWith('| codec')));
    expect(lines.indexOf('ingest:')).toBeGreaterThan(details);
    expect(lines).toContain('  timeout: rxbgp to hold 1000000 prefixes (it holds 12)');
    expect(lines.indexOf('## Targets')).toBeGreaterThan(lines.indexOf('ingest:'));
    expect(lines).toContain("✓ 1 emit: emit time 0.50× BIRD's (≤ 1×); emit sender peak RSS 100 MB (≤ 250 MB)");
    expect(lines).toContain('– 2 ingest: not run: ingest timeout');
    expect(lines).toContain('Issue 5 (route policy):');
    expect(lines.slice(-12)).toEqual([
      'target 1: held',
      'target 2: not run',
      'target 3: not run',
      'target 4: not run',
      'target 5: not run',
      'target 6: not run',
      'target 7: not run',
      'issue 5 target 1: not run',
      'issue 12 target 1: not run',
      'issue 12 target 2: not run',
      'issue 12 target 3: not run',
      '',
    ]);
  });
});

describe('caseDetails', () => {
  it('lists what was verified, why a case is not ok and its untimed setup', () => {
    expect(caseDetails(emit)).toEqual(['emit:', '  ok: BIRD holds exactly the run', '  setup (not timed): 1.3 s']);
    expect(caseDetails(ingest)).toEqual(['ingest:', '  timeout: rxbgp to hold 1000000 prefixes (it holds 12)']);
  });
});
