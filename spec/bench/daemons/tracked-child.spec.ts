import { PassThrough } from 'stream';
import { readLines, TrackedChild } from '../../../bench/daemons/tracked-child';

async function linesOf(chunks: readonly string[]): Promise<string[]> {
  const stream = new PassThrough();
  const lines: string[] = [];
  readLines(stream, (l) => lines.push(l));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  for (const c of chunks) stream.write(c);
  stream.end();
  await ended;
  return lines;
}

/** Waits (bounded) until `done()` holds: a child's last output lines can arrive just after its exit. */
async function eventually(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('readLines', () => {
  it('gives the same lines wherever the chunks are cut, the unterminated last one at the end', async () => {
    const text = 'first\n{"a":1}\n\nlong ' + 'x'.repeat(100) + '\nlast without newline';
    const expected = ['first', '{"a":1}', '', 'long ' + 'x'.repeat(100), 'last without newline'];
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await linesOf([text.slice(0, cut), text.slice(cut)])).toEqual(expected);
    }
  });

  it('handles a line spread over many chunks', async () => {
    expect(await linesOf(['a', 'b', 'c', '\nd', 'e\n'])).toEqual(['abc', 'de']);
  });
});

describe('TrackedChild', () => {
  it('reads both output streams by line and reports the exit code', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const child = new TrackedChild({
      name: 'sh',
      command: 'sh',
      args: ['-c', 'echo one; echo two >&2; echo three; exit 3'],
      onStdoutLine: (l) => out.push(l),
      onStderrLine: (l) => err.push(l),
    });
    expect(await child.waitForExit(10000)).toEqual({ code: 3, signal: null });
    await eventually(() => out.length === 2 && err.length === 1);
    expect(out).toEqual(['one', 'three']);
    expect(err).toEqual(['two']);
    expect(child.exitText()).toMatch(/^sh exited \(code 3, signal null\)/);
  });

  it('stops a long-running process by its PID', async () => {
    const child = new TrackedChild({ name: 'sleep', command: 'sleep', args: ['30'] });
    expect(child.exit).toBeUndefined();
    expect(child.exitText()).toBeUndefined();
    const status = await child.stop(5000);
    expect(status.signal).toBe('SIGTERM');
    expect(child.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('refuses a program that cannot be started', () => {
    expect(() => new TrackedChild({ name: 'missing', command: 'no-such-program-rxbgp-bench', args: [] })).toThrow(
      /missing: cannot start no-such-program-rxbgp-bench/,
    );
  });
});
