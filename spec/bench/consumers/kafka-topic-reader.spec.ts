import { heldMessages } from '../../../bench/consumers/kafka-topic-reader';

describe('heldMessages', () => {
  it('sums high - low watermarks over the partitions', () => {
    expect(heldMessages([])).toBe(0);
    expect(heldMessages([{ high: '396', low: '0' }])).toBe(396);
    expect(heldMessages([{ high: '10', low: '4' }, { high: '3', low: '0' }])).toBe(9);
  });

  it('never counts a partition below zero', () => {
    expect(heldMessages([{ high: '0', low: '5' }, { high: '2', low: '0' }])).toBe(2);
  });
});
