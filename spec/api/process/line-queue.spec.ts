import fc from 'fast-check';
import { LineQueue } from '../../../lib/api/process/line-queue';

describe('LineQueue', () => {
  it('takes lines in order, newline-terminated, batched up to a size', () => {
    const q = new LineQueue(10);
    for (const l of ['aaa', 'bbb', 'ccc']) expect(q.push(l)).toBe(false);
    expect(q.take(8)).toBe('aaa\nbbb\n');
    expect(q.length).toBe(1);
    expect(q.take(8)).toBe('ccc\n');
    expect(q.take(8)).toBe('');
  });

  it('always takes at least one line, even one longer than the batch size', () => {
    const q = new LineQueue(10);
    q.push('x'.repeat(20));
    q.push('y');
    expect(q.take(5)).toBe('x'.repeat(20) + '\n');
    expect(q.take(5)).toBe('y\n');
  });

  it('drops the oldest line when full and says so', () => {
    const q = new LineQueue(3);
    q.push('1');
    q.push('2');
    q.push('3');
    expect(q.push('4')).toBe(true);
    expect(q.push('5')).toBe(true);
    expect(q.length).toBe(3);
    expect(q.take(100)).toBe('3\n4\n5\n');
  });

  it('clear() returns how many lines it discarded', () => {
    const q = new LineQueue(5);
    q.push('a');
    q.push('b');
    expect(q.clear()).toBe(2);
    expect(q.length).toBe(0);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new LineQueue(0)).toThrow(RangeError);
    expect(() => new LineQueue(1.5)).toThrow(RangeError);
  });

  it('behaves like a plain array model over long random runs (through compactions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 2500 }), fc.constant(-1)), { maxLength: 12 }),
        (limit, ops) => {
          const q = new LineQueue(limit);
          const model: string[] = [];
          let n = 0;
          for (const op of ops) {
            if (op === -1) {
              // take a batch of about 10 lines of up to 5 characters
              const got = q.take(60);
              const want: string[] = [];
              let size = 0;
              while (model.length > 0 && (size === 0 || size + model[0].length + 1 <= 60)) {
                size += model[0].length + 1;
                want.push(model.shift()!);
              }
              expect(got).toBe(want.map((l) => l + '\n').join(''));
            } else {
              for (let i = 0; i < op; i++) {
                const line = String(n++ % 99999);
                const full = model.length >= limit;
                if (full) model.shift();
                model.push(line);
                // plain comparison: an expect() per line would dominate the run time
                if (q.push(line) !== full) throw new Error(`push #${n} reported a drop wrongly`);
              }
            }
            expect(q.length).toBe(model.length);
            expect(q.length).toBeLessThanOrEqual(limit);
          }
          expect(q.take(Number.MAX_SAFE_INTEGER)).toBe(model.map((l) => l + '\n').join(''));
        },
      ),
      { numRuns: 40 },
    );
  });
});
