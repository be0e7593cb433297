import { drainFigures } from '../../../bench/consumers/sink-ingest';

describe('drainFigures', () => {
  it('gives the drain time from Established, the lag after N was counted and the CPU to the drain', () => {
    expect(drainFigures(1000, 1800, 2250, 3.5, 4.75)).toEqual([
      { name: 'sink drained', value: 1.25, unit: 's after Established' },
      { name: 'sink lag', value: 0.45, unit: 's after N counted' },
      { name: 'receiver CPU to drained', value: 1.25, unit: 's' },
    ]);
  });

  it('gives only what was measured', () => {
    expect(drainFigures(undefined, 1800, 2250, 1, 2)).toEqual([]);
    expect(drainFigures(1000, 1800, undefined, 1, 2)).toEqual([]);
    expect(drainFigures(1000, undefined, 2000, undefined, 2)).toEqual([{ name: 'sink drained', value: 1, unit: 's after Established' }]);
  });
});
