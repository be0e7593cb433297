/**
 * Two `rxbgp run` daemons: A configures ipv4 + ipv6 unicast toward B, B offers only ipv4. An
 * `rxbgp cli announce route` of an IPv6 prefix on A is refused (exit 1, the reason on the
 * terminal) and never shows in `show adj-rib out`; A's log says once how many configured ipv6
 * routes the peer's OPEN left unsent. (Built bin/rxbgp; `npm test` builds first.)
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const A = '127.0.0.226';
const B = '127.0.0.227';
const PORT = 18226;

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(file: string): Running {
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, stdout: () => out, stderr: () => err, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function until(pred: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('rxbgp cli refuses a route of a family the peer did not negotiate, with the reason, and stores it nowhere', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-reach-'));
  const socketA = path.join(dir, 'a.sock');
  const write = (name: string, config: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
  };
  const a = run(
    write('a.json', {
      control: { socket: socketA },
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65226, peerAs: 65227, routerId: '192.0.2.226', connectRetry: 1,
          families: ['ipv4 unicast', 'ipv6 unicast'],
          routes: [{ prefix: '2001:db8:226::/48', nextHop: '2001:db8::226' }],
        },
      ],
    }),
  );
  const b = run(
    write('b.json', {
      listen: [{ address: B, port: PORT }],
      control: { enabled: false },
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65227, peerAs: 65226, routerId: '192.0.2.227', passive: true, families: ['ipv4 unicast'] }],
    }),
  );
  const cli = (...words: string[]) => spawnSync(process.execPath, [BIN, 'cli', '--socket', socketA, ...words], { encoding: 'utf8', timeout: 15000 });
  try {
    await until(() => /"state": "up"/.test(a.stdout()) && fs.existsSync(socketA), 'the session and the control socket');
    const refused = cli('announce', 'route', '2001:db8:99::/48', 'next-hop', 'self');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(`2001:db8:99::/48 not announced: no selected neighbor can carry ipv6 unicast (${B}: the peer did not negotiate ipv6 unicast)`);
    const rib = cli('show', 'adj-rib', 'out');
    expect(rib.status).toBe(0);
    expect(rib.stdout).not.toContain('2001:db8:99::/48');
    // An ipv4 route still goes through, and reaches B.
    expect(cli('announce', 'route', '10.226.0.0/24', 'next-hop', 'self').status).toBe(0);
    await until(() => b.stdout().includes('"nlri": "10.226.0.0/24"'), 'the ipv4 route at B');
    expect(a.stderr()).toContain(`${B}: 1 ipv6 unicast route not sent: the peer did not negotiate ipv6 unicast`);
    // While a daemon is at hand: a misspelt command is an error with the word probably meant (item 15).
    const typo = cli('annouce', 'route', '10.226.9.0/24', 'next-hop', 'self');
    expect(typo.status).toBe(1);
    expect(typo.stdout + typo.stderr).toContain('unknown command: "annouce" (word 1, column 1); did you mean "announce"?');
    expect(cli('shutdown').status).toBe(0);
    expect(await a.exited).toBe(0);
  } finally {
    a.child.kill('SIGKILL');
    b.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 40000);
