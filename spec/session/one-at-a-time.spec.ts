import { Subject } from 'rxjs';
import { oneAtATime } from '../../lib/session/one-at-a-time';

describe('oneAtATime', () => {
  it('passes values straight through when nothing is busy, in the caller\'s tick', () => {
    const input = new Subject<number>();
    const seen: number[] = [];
    input.pipe(oneAtATime()).subscribe((v) => seen.push(v));
    input.next(1);
    expect(seen).toEqual([1]);
    input.next(2);
    expect(seen).toEqual([1, 2]);
  });

  it('queues a value pushed from inside the handling of another, and delivers it after, in order', () => {
    const input = new Subject<string>();
    const log: string[] = [];
    input.pipe(oneAtATime()).subscribe((v) => {
      log.push(`start ${v}`);
      if (v === 'a') {
        input.next('b');
        input.next('c');
      }
      if (v === 'b') input.next('d');
      log.push(`end ${v}`);
    });
    input.next('a');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d']);
  });

  it('drops what is queued when the subscriber unsubscribes while busy; each subscription has its own queue', () => {
    const input = new Subject<number>();
    const first: number[] = [];
    const second: number[] = [];
    const a = input.pipe(oneAtATime()).subscribe((v) => {
      first.push(v);
      if (v === 1) {
        input.next(2);
        a.unsubscribe();
      }
    });
    input.pipe(oneAtATime()).subscribe((v) => second.push(v));
    input.next(1);
    expect(first).toEqual([1]);
    expect(second).toEqual([2, 1]);
  });

  it('passes completion and errors on', () => {
    const input = new Subject<number>();
    const events: string[] = [];
    input.pipe(oneAtATime()).subscribe({ complete: () => events.push('complete') });
    input.complete();
    const failing = new Subject<number>();
    failing.pipe(oneAtATime()).subscribe({ error: (e: Error) => events.push(e.message) });
    failing.error(new Error('gone'));
    expect(events).toEqual(['complete', 'gone']);
  });
});
