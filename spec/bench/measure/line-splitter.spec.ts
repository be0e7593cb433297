import { LineSplitter } from '../../../bench/measure/line-splitter';

/** Feeds `text` to a splitter in pieces cut at `cuts` (byte offsets), then ends the stream. */
function split(bytes: Buffer, cuts: readonly number[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    // A reused read buffer: the splitter must not keep a view of it.
    const scratch = Buffer.from(bytes.subarray(at, cut));
    splitter.push(scratch, (l) => lines.push(l));
    scratch.fill(0x78);
    at = cut;
  }
  splitter.end((l) => lines.push(l));
  return lines;
}

describe('LineSplitter', () => {
  const text = '{"a":1}\n\n{"é":"ü€"}\n{"b":[1,2,3]}\n';
  const bytes = Buffer.from(text, 'utf8');
  const expected = ['{"a":1}', '', '{"é":"ü€"}', '{"b":[1,2,3]}'];

  it('gives the same lines in one read', () => {
    expect(split(bytes, [])).toEqual(expected);
  });

  it('gives the same lines with the input cut at every byte, inside multi-byte characters too', () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(split(bytes, [cut])).toEqual(expected);
  });

  it('gives the same lines read one byte at a time', () => {
    expect(split(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(expected);
  });

  it('holds an unfinished line back until its newline, and delivers it at the end without one', () => {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    splitter.push(Buffer.from('first\nsec'), (l) => lines.push(l));
    expect(lines).toEqual(['first']);
    expect(splitter.pendingBytes).toBe(3);
    splitter.push(Buffer.from('ond, still'), (l) => lines.push(l));
    expect(lines).toEqual(['first']);
    splitter.push(Buffer.from(' going\nlast'), (l) => lines.push(l));
    expect(lines).toEqual(['first', 'second, still going']);
    splitter.end((l) => lines.push(l));
    expect(lines).toEqual(['first', 'second, still going', 'last']);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('delivers nothing at the end when the input ended with a newline', () => {
    expect(split(Buffer.from('x\n'), [1])).toEqual(['x']);
    expect(split(Buffer.alloc(0), [])).toEqual([]);
  });
});
