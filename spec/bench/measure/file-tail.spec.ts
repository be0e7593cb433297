import fs from 'fs';
import os from 'os';
import path from 'path';
import { FileTail } from '../../../bench/measure/file-tail';

describe('FileTail', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-tail-spec-'));
    file = path.join(dir, 'events.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('waits for a file that does not exist yet, then reads its lines as they are appended', () => {
    const lines: string[] = [];
    const tail = new FileTail(file, (l) => lines.push(l));
    expect(tail.readAvailable()).toBe(true);
    expect(tail.error).toBeUndefined();
    fs.writeFileSync(file, '{"n":1}\n{"n":');
    tail.readAvailable();
    expect(lines).toEqual(['{"n":1}']);
    fs.appendFileSync(file, '2}\n{"n":3}\n');
    tail.readAvailable();
    expect(lines).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(tail.bytesRead).toBe(fs.statSync(file).size);
    expect(tail.lines).toBe(3);
    tail.stop();
  });

  it('reads at most readsPerTurn buffers per call and says when more is left', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    fs.writeFileSync(file, text);
    const lines: string[] = [];
    const tail = new FileTail(file, (l) => lines.push(l), { readBytes: 7, readsPerTurn: 3 });
    expect(tail.readAvailable()).toBe(false);
    expect(tail.bytesRead).toBe(21);
    let calls = 1;
    while (!tail.readAvailable() && calls < 100) calls++;
    expect(lines).toEqual(text.trimEnd().split('\n'));
    expect(tail.bytesRead).toBe(text.length);
    tail.stop();
  });

  it('on stop with drain, reads to the end and delivers an unfinished last line', () => {
    fs.writeFileSync(file, 'a\nb\nc');
    const lines: string[] = [];
    const tail = new FileTail(file, (l) => lines.push(l), { readBytes: 2, readsPerTurn: 1 });
    tail.readAvailable();
    expect(lines).toEqual(['a']);
    tail.stop(true);
    expect(lines).toEqual(['a', 'b', 'c']);
    expect(tail.lines).toBe(3);
  });

  it('reports a file that cannot be read instead of throwing', () => {
    fs.mkdirSync(file);
    const tail = new FileTail(file, () => undefined);
    expect(tail.readAvailable()).toBe(true);
    expect(tail.error).toMatch(/EISDIR/);
    tail.stop();
  });
});
