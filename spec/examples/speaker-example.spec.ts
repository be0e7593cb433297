/** The library example (examples/speaker.js, named in docs/library.md) runs as written, against the built package. */
import { execFile } from 'child_process';
import path from 'path';

describe('examples/speaker.js', () => {
  it('peers two speakers, prints the route received, and exits by itself', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(__dirname, '../../examples/speaker.js')],
        { env: { ...process.env, RXBGP_A: '127.0.0.172', RXBGP_B: '127.0.0.173', RXBGP_PORT: '18076' }, timeout: 20000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      );
    });
    expect(out.trim()).toBe('127.0.0.172 sent 203.0.113.0/24 with AS path 65001');
  });
});
