import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openEventWriter } from '../../lib/daemon/event-output';

describe('openEventWriter', () => {
  it('"none" writes nothing', () => {
    expect(openEventWriter('none')).toBeUndefined();
  });

  it('appends lines to a file in order, batched, all flushed by close()', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-events-')), 'events.jsonl');
    fs.writeFileSync(file, 'earlier\n');
    const w = openEventWriter(file)!;
    for (let i = 0; i < 20000; i++) w.write(`{"n":${i}}`);
    await w.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines[0]).toBe('earlier');
    expect(lines[20000]).toBe('{"n":19999}');
  });

  it('reports a file that cannot be written once, and keeps going', async () => {
    const errors: string[] = [];
    const w = openEventWriter('/nonexistent-dir/events.jsonl', (m) => errors.push(m))!;
    w.write('{}');
    await new Promise((r) => setTimeout(r, 50));
    w.write('{}');
    await w.close();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\/nonexistent-dir\/events\.jsonl failed \(ENOENT\)/);
  });
});
