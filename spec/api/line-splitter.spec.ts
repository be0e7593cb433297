import { LineSplitter } from '../../lib/api/line-splitter';

function splitAll(chunks: Buffer[], max = 1000): { lines: string[]; overlong: number; rest: string } {
  let overlong = 0;
  const splitter = new LineSplitter({ maxLineLength: max, trim: 'whitespace', onOverlong: () => overlong++ });
  const lines: string[] = [];
  for (const c of chunks) lines.push(...splitter.push(c));
  return { lines, overlong, rest: splitter.finish() };
}

describe('LineSplitter (a helper\'s output)', () => {
  const text = 'announce route 10.0.0.0/24 next-hop self\r\nwithdraw route 10.0.0.0/24   \n\nneighbor * teardown 2 — €\nunfinished';
  const bytes = Buffer.from(text);
  const expected = ['announce route 10.0.0.0/24 next-hop self', 'withdraw route 10.0.0.0/24', '', 'neighbor * teardown 2 — €'];

  it('cuts whole lines, trims trailing whitespace (\\r\\n) and keeps the unterminated tail', () => {
    expect(splitAll([bytes])).toEqual({ lines: expected, overlong: 0, rest: 'unfinished' });
  });

  it('gives the same lines when the input is split at every byte (lines and UTF-8 characters cut across chunks)', () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(splitAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({ lines: expected, overlong: 0, rest: 'unfinished' });
    }
  });

  it('gives the same lines when fed one byte at a time', () => {
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(splitAll(chunks)).toEqual({ lines: expected, overlong: 0, rest: 'unfinished' });
  });

  it('returns one array per chunk with every line that chunk completes', () => {
    const splitter = new LineSplitter({ maxLineLength: 100, trim: 'whitespace', onOverlong: () => undefined });
    expect(splitter.push(Buffer.from('a\nb\nc'))).toEqual(['a', 'b']);
    expect(splitter.push(Buffer.from('d'))).toEqual([]);
    expect(splitter.push(Buffer.from('\ne\n'))).toEqual(['cd', 'e']);
    expect(splitter.finish()).toBe('');
  });

  it('drops a complete line longer than the bound and reports it once', () => {
    const r = splitAll([Buffer.from(`ok\n${'x'.repeat(11)}\nafter\n`)], 10);
    expect(r).toEqual({ lines: ['ok', 'after'], overlong: 1, rest: '' });
  });

  it('accepts a line of exactly the bound', () => {
    expect(splitAll([Buffer.from(`${'x'.repeat(10)}\n`)], 10).lines).toEqual(['x'.repeat(10)]);
  });

  it('drops an over-long line spread over many chunks without keeping it, up to its newline', () => {
    const chunks = [Buffer.from('start\nyy'), ...Array.from({ length: 50 }, () => Buffer.from('y'.repeat(7))), Buffer.from('y\nnext\n')];
    expect(splitAll(chunks, 20)).toEqual({ lines: ['start', 'next'], overlong: 1, rest: '' });
  });

  it('drops an over-long unterminated tail at the end', () => {
    expect(splitAll([Buffer.from('a\n' + 'q'.repeat(30))], 20)).toEqual({ lines: ['a'], overlong: 1, rest: '' });
  });
});

/** The control socket's way: lines as sent (a CR before the LF removed), the lines before an over-long one, then stop. */
function split(chunks: Buffer[], max = 100): { lines: string[]; ok: boolean } {
  let before: number | undefined;
  const s = new LineSplitter({ maxLineLength: max, trim: 'cr', onOverlong: (n) => (before ??= n) });
  const lines: string[] = [];
  for (const c of chunks) {
    const got = s.push(c);
    if (before !== undefined) return { lines: [...lines, ...got.slice(0, before)], ok: false };
    lines.push(...got);
  }
  return { lines, ok: true };
}

describe('LineSplitter (the control socket)', () => {
  it('cuts LF and CRLF lines, keeps other trailing space, and keeps the unfinished tail', () => {
    const s = new LineSplitter({ maxLineLength: 100, trim: 'cr', onOverlong: () => undefined });
    expect(s.push(Buffer.from('show neighbor\r\nversion \nannou'))).toEqual(['show neighbor', 'version ']);
    expect(s.buffered).toBe(5);
    expect(s.push(Buffer.from('nce eor\n\n'))).toEqual(['announce eor', '']);
    expect(s.buffered).toBe(0);
  });

  it('gives the same lines whatever byte the input is split at, multi-byte UTF-8 included', () => {
    const text = Buffer.from('announce route 10.0.0.0/24 next-hop self name é\nversion\r\nhelp\n');
    const whole = split([text]).lines;
    expect(whole).toEqual(['announce route 10.0.0.0/24 next-hop self name é', 'version', 'help']);
    for (let i = 0; i <= text.length; i++) {
      expect(split([text.subarray(0, i), text.subarray(i)]).lines).toEqual(whole);
    }
  });

  it('refuses a line longer than the limit, whole or across chunks, keeping the lines before it', () => {
    expect(split([Buffer.from('ok\n' + 'x'.repeat(11) + '\nafter\n')], 10)).toEqual({ lines: ['ok'], ok: false });
    expect(split([Buffer.from('x'.repeat(10) + '\n')], 10)).toEqual({ lines: ['x'.repeat(10)], ok: true });
    expect(split([Buffer.from('x'.repeat(6)), Buffer.from('x'.repeat(5))], 10).ok).toBe(false);
  });
});
