import { CASES } from '../../../bench/cases';
import { slotFor } from '../../../bench/cases/case-types';

describe('CASES', () => {
  it('has unique names, each with its own address slot', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const addresses = CASES.map((_c, i) => slotFor(i).sender.address);
    expect(new Set(addresses).size).toBe(CASES.length);
  });

  it('runs each rxbgp process-API case before the ExaBGP case that states the rate ratio against it', () => {
    const at = (name: string) => CASES.findIndex((c) => c.name === name);
    for (const mode of ['routes', 'batches']) {
      expect(at(`api-${mode}`)).toBeGreaterThanOrEqual(0);
      expect(at(`exabgp-api-${mode}`)).toBeGreaterThan(at(`api-${mode}`));
    }
  });

  it('gives only the ExaBGP cases a smaller default N', () => {
    expect(CASES.filter((c) => c.defaultN !== undefined).map((c) => [c.name, c.defaultN])).toEqual([
      ['exabgp-api-routes', 20000],
      ['exabgp-api-batches', 20000],
    ]);
  });
});
