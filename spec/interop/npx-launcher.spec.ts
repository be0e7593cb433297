/**
 * `npx rxbgp run conf.json &` then `kill <npx's pid>`: npm forwards the SIGTERM to the `sh -c` it
 * runs the command in, which dies of it without passing it on, so the daemon used to stay up with
 * its sessions, adopted by init. Now the daemon sees its parent go and stops as for SIGTERM
 * (lib/cli/launcher-watch.ts): BIRD gets a Cease and the daemon's process is gone.
 */
import fs from 'fs';
import path from 'path';
import { Child } from './harness/child';
import { pollUntil } from './harness/poll';
import { makeTempDir, removeTempDir } from './harness/temp-dir';
import { startBird } from './peers/bird';
import { waitEstablished, waitForCease, type Also, type BgpPeer } from './peers/bgp-peer';

const REPO = path.resolve(__dirname, '../..');
const bird = { address: '127.0.0.243', port: 1796, asn: 65243, routerId: '192.0.2.243' };
const rx = { address: '127.0.0.244', asn: 65244, routerId: '192.0.2.244' };
/** The first npx from a checkout links it into npm's cache and runs prepare (a build) first. */
const START_TIMEOUT_MS = 90000;
const STOP_TIMEOUT_MS = 10000;

/** Whether `pid` runs (a zombie not yet reaped by init counts as gone). */
function running(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('npx rxbgp run, with npx killed', () => {
  let peer: BgpPeer | undefined;
  let npx: Child | undefined;
  let daemonPid: number | undefined;
  let dir: string;

  beforeAll(() => (dir = makeTempDir('npx')));
  afterAll(async () => {
    await npx?.stop(STOP_TIMEOUT_MS);
    // Not our child once orphaned: stopped by the PID it printed, if the test failed.
    if (daemonPid !== undefined && running(daemonPid)) process.kill(daemonPid, 'SIGKILL');
    await peer?.stop();
    removeTempDir(dir);
  }, 30000);

  test('stops the daemon: a Cease to its peer, and its process gone', async () => {
    peer = await startBird({ ...bird, neighbor: { address: rx.address, asn: rx.asn }, families: ['ipv4 unicast'] });
    const config = path.join(dir, 'rxbgp.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        control: { enabled: false },
        neighbors: [{ peerAddress: bird.address, peerPort: bird.port, localAddress: rx.address, localAs: rx.asn, peerAs: bird.asn, routerId: rx.routerId, connectRetry: 1, families: ['ipv4 unicast'] }],
      }),
    );
    npx = new Child({
      name: 'npx rxbgp',
      command: 'npx',
      args: ['--no-install', 'rxbgp', 'run', config],
      cwd: REPO,
      onLine: (line, stream) => {
        // Every JSON event carries the pid of the process that printed it: the daemon's.
        if (stream === 'stdout' && daemonPid === undefined && line.startsWith('{')) daemonPid = (JSON.parse(line) as { pid: number }).pid;
      },
    });
    const also: Also = { context: () => `--- npx rxbgp, last output lines ---\n${npx!.lastLines()}`, abort: () => (npx!.exit ? `npx exited (${JSON.stringify(npx!.exit)})` : undefined) };
    await waitEstablished(peer, START_TIMEOUT_MS, also);
    const pid = await pollUntil('a JSON event from the daemon (its pid)', () => daemonPid, { timeoutMs: 10000, ...also });
    // The daemon is not npx's child: npm runs it through a shell.
    expect(pid).not.toBe(npx.pid);

    npx.signal('SIGTERM');
    const cease = await waitForCease(peer, STOP_TIMEOUT_MS, also);
    expect(cease).toMatch(/Administrative shutdown/);
    await pollUntil(`the daemon (pid ${pid}) to exit`, () => (running(pid) ? undefined : true), { timeoutMs: STOP_TIMEOUT_MS, context: also.context });
    expect(npx.lastLines()).toMatch(/parent process \d+ exited \(rxbgp was started by npx\): closing sessions/);
  }, START_TIMEOUT_MS + 60000);
});
