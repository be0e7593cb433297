import { rateOf, rateRatioText, recordRate, recordedRate } from '../../../bench/cases/api-rates';
import type { TransferMeasurement } from '../../../bench/measure/transfer';

const done: TransferMeasurement = { outcome: 'done', seconds: 4, received: 1000 };

describe('api rates', () => {
  it('is N over seconds only for a transfer that completed with no problem', () => {
    expect(rateOf(1000, done, [])).toBe(250);
    expect(rateOf(1000, done, ['BIRD lacks 10.0.0.0/24'])).toBeUndefined();
    expect(rateOf(1000, { outcome: 'timeout', received: 10 }, [])).toBeUndefined();
  });

  it('keeps the last rate of a case, and forgets it when the case failed', () => {
    recordRate('api-routes', 300000);
    expect(recordedRate('api-routes')).toBe(300000);
    recordRate('api-routes', undefined);
    expect(recordedRate('api-routes')).toBeUndefined();
  });

  it('states the ratio with both rates', () => {
    expect(rateRatioText('api-routes', 100000, 'exabgp-api-routes', 3200)).toBe(
      "rxbgp's rate over ExaBGP's: 31.3× (api-routes 100,000 prefixes/s, exabgp-api-routes 3,200 prefixes/s; the same helper, BIRD receiving)",
    );
  });
});
