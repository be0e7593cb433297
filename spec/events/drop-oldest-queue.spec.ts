import { DropOldestQueue } from '../../lib/events/drop-oldest-queue';

describe('DropOldestQueue', () => {
  it('takes items in order, in batches, and peeks and shifts the oldest', () => {
    const q = new DropOldestQueue<number>(10);
    for (let i = 1; i <= 5; i++) expect(q.push(i)).toBe(false);
    expect(q.peek()).toBe(1);
    expect(q.shift()).toBe(1);
    expect(q.takeBatch(3)).toEqual([2, 3, 4]);
    expect(q.length).toBe(1);
    expect(q.takeBatch(3)).toEqual([5]);
    expect([q.peek(), q.shift(), q.takeBatch(3)]).toEqual([undefined, undefined, []]);
  });

  it('drops the oldest when full and says so, holding at most its capacity', () => {
    const q = new DropOldestQueue<number>(3);
    const dropped = Array.from({ length: 10 }, (_, i) => q.push(i));
    expect(dropped).toEqual([false, false, false, true, true, true, true, true, true, true]);
    expect(q.takeBatch(10)).toEqual([7, 8, 9]);
  });

  it('keeps order through compactions over a long run', () => {
    const q = new DropOldestQueue<number>(1_000_000);
    const got: number[] = [];
    let n = 0;
    // Each round leaves some behind, so the dead head grows past the compaction threshold with items after it.
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 3000; i++) q.push(n++);
      got.push(...q.takeBatch(2900));
      if (round % 3 === 0) got.push(q.shift()!);
    }
    got.push(...q.takeBatch(Infinity));
    expect(got).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('clear() says how many it discarded; a capacity must be a positive integer', () => {
    const q = new DropOldestQueue<string>(4);
    q.push('a');
    q.push('b');
    expect(q.clear()).toBe(2);
    expect(q.length).toBe(0);
    expect(() => new DropOldestQueue(0)).toThrow(RangeError);
    expect(() => new DropOldestQueue(2.5)).toThrow(RangeError);
  });
});
