import type { CaseResult } from '../../../bench/cases/case-types';
import { formatRatios, formatTable } from '../../../bench/report/table';

function done(name: string, sender: string, receiver: string, seconds: number, t99: number, senderCpu: number, receiverCpu: number): CaseResult {
  return {
    name,
    sender,
    receiver,
    n: 1000000,
    status: 'ok',
    checks: [],
    measurement: {
      outcome: 'done',
      seconds,
      t99Seconds: t99,
      received: 1000000,
      senderCpuSeconds: senderCpu,
      receiverCpuSeconds: receiverCpu,
      senderPeakRssBytes: 254 * 1024 * 1024,
      receiverPeakRssBytes: 94 * 1024 * 1024,
    },
  };
}

const results: CaseResult[] = [
  done('emit', 'rxbgp', 'BIRD', 2, 1.5, 3, 1),
  done('bird-bird', 'BIRD', 'BIRD', 4, 1, 1.5, 1),
  { name: 'ingest', sender: 'BIRD', receiver: 'rxbgp', n: 1000000, status: 'timeout', checks: [], measurement: { outcome: 'timeout', received: 12, t99Seconds: undefined } },
  { name: 'bird-gobgp', sender: 'BIRD', receiver: 'GoBGP', n: 1000000, status: 'failed', detail: 'gobgpd is not installed', checks: [] },
];

describe('formatTable', () => {
  it('prints one Markdown row per case, and the status where a case has no time', () => {
    expect(formatTable(results).split('\n')).toEqual([
      '| case | seconds | t99 s | prefixes/s | sender CPU s | receiver CPU s | sender peak RSS | receiver peak RSS |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| emit (rxbgp → BIRD) | 2.00 | 1.50 | 500000 | 3.00 | 1.00 | 254 MB | 94 MB |',
      '| bird-bird (BIRD → BIRD) | 4.00 | 1.00 | 250000 | 1.50 | 1.00 | 254 MB | 94 MB |',
      '| ingest (BIRD → rxbgp) | timeout (12 held) | — | — | — | — | — | — |',
      '| bird-gobgp (BIRD → GoBGP) | failed | — | — | — | — | — | — |',
    ]);
  });
});

describe('formatRatios', () => {
  it("compares rxbgp's side of each case with the same side of the reference, only for cases that finished", () => {
    expect(formatRatios(results)).toEqual(['emit / bird-bird: 0.50× time, 1.50× t99, 2.00× CPU — rxbgp vs BIRD as the sender (BIRD receives both)']);
  });
});
