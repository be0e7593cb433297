import { merge, filter, map } from 'rxjs';
import { StageInput } from '../../lib/policy/stage-input';

describe('StageInput', () => {
  it('delivers to one subscriber, to several (a policy may subscribe twice), and stops on unsubscribe', () => {
    const input = new StageInput<number>();
    const seen: string[] = [];
    const sub = merge(input.pipe(filter((n) => n % 2 === 0), map((n) => `even ${n}`)), input.pipe(filter((n) => n % 2 === 1), map((n) => `odd ${n}`))).subscribe((s) => seen.push(s));
    input.next(1);
    input.next(2);
    sub.unsubscribe();
    input.next(3);
    expect(seen).toEqual(['odd 1', 'even 2']);
  });

  it('completes its subscribers, and one that comes later at once', () => {
    const input = new StageInput<number>();
    let completed = 0;
    input.subscribe({ complete: () => completed++ });
    input.complete();
    input.subscribe({ complete: () => completed++ });
    expect(completed).toBe(2);
  });
});
