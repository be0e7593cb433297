import { LineSplitter } from '../../../lib/api/control/line-splitter';

function split(chunks: Buffer[], max = 100): { lines: string[]; ok: boolean } {
  const s = new LineSplitter(max);
  const lines: string[] = [];
  for (const c of chunks) if (!s.push(c, lines)) return { lines, ok: false };
  return { lines, ok: true };
}

describe('LineSplitter', () => {
  it('cuts LF and CRLF lines and keeps the unfinished tail', () => {
    const s = new LineSplitter(100);
    const lines: string[] = [];
    expect(s.push(Buffer.from('show neighbor\r\nversion\nannou'), lines)).toBe(true);
    expect(lines).toEqual(['show neighbor', 'version']);
    expect(s.buffered).toBe(5);
    s.push(Buffer.from('nce eor\n\n'), lines);
    expect(lines).toEqual(['show neighbor', 'version', 'announce eor', '']);
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

  it('refuses a line longer than the limit, whole or across chunks', () => {
    expect(split([Buffer.from('ok\n' + 'x'.repeat(11) + '\n')], 10)).toEqual({ lines: ['ok'], ok: false });
    expect(split([Buffer.from('x'.repeat(10) + '\n')], 10)).toEqual({ lines: ['x'.repeat(10)], ok: true });
    expect(split([Buffer.from('x'.repeat(6)), Buffer.from('x'.repeat(5))], 10).ok).toBe(false);
  });
});
