/** pacedWrites: a send's chunks are pulled and written only as the socket takes them. */
import { EMPTY, from, of, Subject, VirtualTimeScheduler } from 'rxjs';
import { pacedWrites, type Chunk, type PacedTarget } from '../../lib/session/paced-writes';

const chunk = (text: string): Chunk => ({ bytes: Buffer.from(text) });

/** A send of `texts` that records when each chunk is pulled. */
function* send(texts: string[], pulled: string[]): Generator<Chunk> {
  for (const t of texts) {
    pulled.push(t);
    yield chunk(t);
  }
}

function target(room: (n: number) => boolean = () => true) {
  const written: string[] = [];
  let alive = true;
  const drain$ = new Subject<void>();
  const t: PacedTarget & { written: string[]; kill(): void; drain$: Subject<void> } = {
    written,
    drain$,
    kill: () => (alive = false),
    write: (b) => (written.push(b.toString()), room(written.length)),
    drained: () => drain$,
    alive: () => alive,
  };
  return t;
}

describe('pacedWrites', () => {
  it('writes the first chunk as the send is subscribed, then one chunk per turn of the scheduler, pulling each only when it is written', () => {
    const scheduler = new VirtualTimeScheduler();
    const t = target();
    const pulled: string[] = [];
    const out: string[] = [];
    let done = false;
    of(send(['a', 'b', 'c'], pulled))
      .pipe(pacedWrites(t, scheduler))
      .subscribe({ next: (c) => out.push(c.bytes.toString()), complete: () => (done = true) });
    expect([t.written, pulled, out, done]).toEqual([['a'], ['a'], ['a'], false]);
    scheduler.flush();
    expect([t.written, pulled, out, done]).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c'], true]);
  });

  it('ends a send as its chunk marked last is written, with no turn after it; a full socket is still waited for', () => {
    const scheduler = new VirtualTimeScheduler();
    // Full after the second write only.
    const t = target((n) => n !== 2);
    const last = (text: string): Chunk => ({ bytes: Buffer.from(text), last: true });
    let done = false;
    of([last('b')][Symbol.iterator](), [last('c')][Symbol.iterator](), [chunk('d')][Symbol.iterator]())
      .pipe(pacedWrites(t, scheduler))
      .subscribe({ complete: () => (done = true) });
    // No turn has run: b ended its send as it was written, and c went out in the same tick; the
    // socket was full after c, so d waits for the drain, not for a turn.
    expect([t.written, done]).toEqual([['b', 'c'], false]);
    scheduler.flush();
    expect(t.written).toEqual(['b', 'c']);
    t.drain$.next();
    // d is not marked last: its send ends a turn later.
    expect([t.written, done]).toEqual([['b', 'c', 'd'], false]);
    scheduler.flush();
    expect(done).toBe(true);
  });

  it("waits for the socket's drain when write() says it is full, and pulls nothing until then", () => {
    const scheduler = new VirtualTimeScheduler();
    // Full after the first write only.
    const t = target((n) => n !== 1);
    const pulled: string[] = [];
    let done = false;
    of(send(['a', 'b', 'c'], pulled)).pipe(pacedWrites(t, scheduler)).subscribe({ complete: () => (done = true) });
    scheduler.flush();
    expect([t.written, pulled, done]).toEqual([['a'], ['a'], false]);
    t.drain$.next();
    expect([t.written, pulled]).toEqual([['a', 'b'], ['a', 'b']]);
    scheduler.flush();
    expect([t.written, done]).toEqual([['a', 'b', 'c'], true]);
  });

  it('takes a drain that is a promise, or one already done (completes at once)', async () => {
    const scheduler = new VirtualTimeScheduler();
    const full = { write: () => false, alive: () => true };
    const viaPromise: string[] = [];
    const promised = new Promise<void>((resolve) =>
      of(send(['a', 'b'], viaPromise)).pipe(pacedWrites({ ...full, drained: () => Promise.resolve() }, scheduler)).subscribe({ complete: resolve }),
    );
    await promised;
    expect(viaPromise).toEqual(['a', 'b']);
    const atOnce: string[] = [];
    let done = false;
    of(send(['a', 'b', 'c'], atOnce)).pipe(pacedWrites({ ...full, drained: () => EMPTY }, scheduler)).subscribe({ complete: () => (done = true) });
    expect([atOnce, done]).toEqual([['a', 'b', 'c'], true]);
  });

  it('stops a send whose session went away: nothing more is pulled or written', () => {
    const scheduler = new VirtualTimeScheduler();
    const t = target();
    const pulled: string[] = [];
    let done = false;
    of(send(['a', 'b', 'c'], pulled)).pipe(pacedWrites(t, scheduler)).subscribe({ complete: () => (done = true) });
    t.kill();
    scheduler.flush();
    expect([t.written, pulled, done]).toEqual([['a'], ['a'], true]);
  });

  it('runs sends one after the other, in order, each to its end', () => {
    const scheduler = new VirtualTimeScheduler();
    const t = target();
    const pulled: string[] = [];
    from([send(['a1', 'a2'], pulled), send(['b1'], pulled)]).pipe(pacedWrites(t, scheduler)).subscribe();
    expect(t.written).toEqual(['a1']);
    scheduler.flush();
    expect(t.written).toEqual(['a1', 'a2', 'b1']);
  });

  it("a send whose chunks fail to be made errors the stream, after what was written", () => {
    const scheduler = new VirtualTimeScheduler();
    const t = target();
    function* broken(): Generator<Chunk> {
      yield chunk('a');
      throw new Error('cannot encode');
    }
    let error: unknown;
    of(broken()).pipe(pacedWrites(t, scheduler)).subscribe({ error: (e: unknown) => (error = e) });
    scheduler.flush();
    expect(t.written).toEqual(['a']);
    expect(String(error)).toBe('Error: cannot encode');
  });

  it('unsubscribing mid-send cancels the wait: nothing more is written', () => {
    const scheduler = new VirtualTimeScheduler();
    const t = target();
    const sub = of(send(['a', 'b'], [])).pipe(pacedWrites(t, scheduler)).subscribe();
    sub.unsubscribe();
    scheduler.flush();
    expect(t.written).toEqual(['a']);
  });
});
