import { SLOT_COUNT, completedResult, slotFor, type CaseResultBase } from '../../../bench/cases/case-types';
import type { TransferMeasurement } from '../../../bench/measure/transfer';

describe('slotFor', () => {
  it('gives case k 127.0.3.(1+2k) → 127.0.3.(2+2k), ports 21001+2k / 21002+2k and gobgp API 50901+k', () => {
    expect(slotFor(0)).toEqual({
      sender: { address: '127.0.3.1', port: 21001, asn: 65001, routerId: '192.0.2.1' },
      receiver: { address: '127.0.3.2', port: 21002, asn: 65002, routerId: '192.0.2.2' },
      apiPort: 50901,
    });
    expect(slotFor(59)).toEqual({
      sender: { address: '127.0.3.119', port: 21119, asn: 65119, routerId: '192.0.2.119' },
      receiver: { address: '127.0.3.120', port: 21120, asn: 65120, routerId: '192.0.2.120' },
      apiPort: 50960,
    });
  });

  it('never shares an address, port or AS between slots, and stays clear of the many-peers range', () => {
    const slots = Array.from({ length: SLOT_COUNT }, (_v, k) => slotFor(k));
    const speakers = slots.flatMap((s) => [s.sender, s.receiver]);
    for (const key of ['address', 'port', 'asn', 'routerId'] as const) expect(new Set(speakers.map((s) => s[key])).size).toBe(2 * SLOT_COUNT);
    expect(new Set(slots.map((s) => s.apiPort)).size).toBe(SLOT_COUNT);
    for (const s of speakers) {
      expect(s.address).toMatch(/^127\.0\.3\.\d+$/);
      expect(s.port < 22000 || s.port > 22999).toBe(true);
    }
  });

  it.each([-1, 60, 1.5])('refuses slot %d', (k) => {
    expect(() => slotFor(k)).toThrow(/no address slot/);
  });
});

describe('completedResult', () => {
  const base: CaseResultBase = { name: 'x', groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', n: 10 };
  const done: TransferMeasurement = { outcome: 'done', seconds: 1, received: 10 };

  it('is ok for a finished transfer whose checks found nothing', () => {
    expect(completedResult(base, { setupSeconds: 2, measurement: done, problems: [], checks: ['held'] })).toEqual({
      ...base,
      status: 'ok',
      setupSeconds: 2,
      measurement: done,
      checks: ['held'],
    });
  });

  it('is ok for a case that reported only figures (no transfer)', () => {
    const figures = [{ name: 'decode', value: 80, unit: 'ns/prefix' }];
    const r = completedResult(base, { setupSeconds: 3, figures, problems: [], checks: ['captured 2 MB'] });
    expect(r).toEqual({ ...base, status: 'ok', setupSeconds: 3, figures, checks: ['captured 2 MB'] });
    expect(r.measurement).toBeUndefined();
  });

  it('takes the outcome of a transfer that did not finish, with its detail and the problems', () => {
    const timeout: TransferMeasurement = { outcome: 'timeout', detail: 'deadline', received: 3 };
    expect(completedResult(base, { setupSeconds: 0, measurement: timeout, problems: ['short'], checks: [] })).toMatchObject({
      status: 'timeout',
      detail: 'deadline; short',
    });
  });

  it('is failed when the checks found problems, keeping the figures', () => {
    const figures = [{ name: 'hold-timer expiries', value: 2, unit: 'sessions' }];
    expect(completedResult(base, { setupSeconds: 0, measurement: done, figures, problems: ['2 sessions dropped'], checks: [] })).toMatchObject({
      status: 'failed',
      detail: '2 sessions dropped',
      figures,
    });
  });

  it('is failed when the case measured nothing at all', () => {
    expect(completedResult(base, { setupSeconds: 0, figures: [], problems: [], checks: [] })).toMatchObject({
      status: 'failed',
      detail: 'the case returned neither a transfer measurement nor figures',
    });
  });
});
