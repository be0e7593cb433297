/**
 * What a library user sees printing a received UPDATE: a script as one writes it (two speakers,
 * console.log of `message.announced`), run by node against the built package.
 */
import { execFile } from 'child_process';
import path from 'path';

const A = '127.0.11.7';
const B = '127.0.11.8';
const PORT = 17118;

const SCRIPT = `
const { Speaker } = require('rxbgp');
const { filter, firstValueFrom, timeout } = require('rxjs');
(async () => {
  const receiver = await Speaker.start({
    listen: [{ address: '${B}', port: ${PORT} }],
    neighbors: [{ peerAddress: '${A}', localAddress: '${B}', localAs: 65008, peerAs: 65007, routerId: '192.0.2.8', passive: true }],
  });
  const received = firstValueFrom(receiver.updates$.pipe(filter(({ message }) => message.announced.length > 0), timeout(10000)));
  const sender = await Speaker.start({
    neighbors: [{ peerAddress: '${B}', peerPort: ${PORT}, localAddress: '${A}', localAs: 65007, peerAs: 65008, routerId: '192.0.2.7', connectRetry: 1 }],
  });
  sender.announce(['10.11.7.0/24', '10.11.8.0/24', '10.11.9.0/24'].map((prefix) => ({ prefix, nextHop: '198.51.100.7' })));
  const { message } = await received;
  console.log(message.announced);
  console.log(JSON.stringify(message.announced));
  await sender.stop();
  await receiver.stop();
})().catch((e) => { console.error(e); process.exit(1); });
`;

it('console.log(message.announced) shows the prefixes, and JSON.stringify gives them as strings', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    // From the package root, so require('rxbgp') is the package itself (built dist/), as for a user.
    execFile(process.execPath, ['-e', SCRIPT], { cwd: path.resolve(__dirname, '../..'), timeout: 20000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
  expect(out).not.toMatch(/Getter/);
  expect(out).toMatch(/prefixes: PackedPrefixes\(3\) \[\s+'10\.11\.7\.0\/24',\s+'10\.11\.8\.0\/24',\s+'10\.11\.9\.0\/24'\s+\]/);
  const json = JSON.parse(out.trim().split('\n').pop()!);
  expect(json).toEqual([{ afi: 1, safi: 1, nextHop: ['198.51.100.7'], prefixes: ['10.11.7.0/24', '10.11.8.0/24', '10.11.9.0/24'] }]);
});
