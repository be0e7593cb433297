/**
 * What `rxbgp run` says on stderr at the default log level (info) when a session fails: a wrong
 * peerAs, a peer that is down, a teardown. Real daemons (the built bin/rxbgp) on loopback; every
 * wait is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');

interface Running {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly stdout: () => string;
  readonly socket: string;
  /** stderr lines matching re. */
  readonly lines: (re: RegExp) => string[];
  readonly cli: (...words: string[]) => ReturnType<typeof spawnSync>;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function run(config: Record<string, unknown>): Running {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-log-'));
  dirs.push(dir);
  const socket = path.join(dir, 'ctl.sock');
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify({ control: { socket }, ...config }));
  // No --log-level: the default (info) is what a user sees.
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return {
    child,
    socket,
    stdout: () => out,
    stderr: () => err,
    lines: (re) => err.split('\n').filter((l) => re.test(l)),
    cli: (...words) => spawnSync(process.execPath, [BIN, 'cli', '--socket', socket, ...words], { encoding: 'utf8', timeout: 10000 }),
  };
}

async function until(cond: () => boolean, ms: number, what: string, ...daemons: Running[]): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; stderr:\n${daemons.map((d) => d.stderr()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The #sent column of `show neighbor summary` for a peer. */
function sentColumn(d: Running, peer: string): string {
  const r = d.cli('show', 'neighbor', 'summary');
  const row = String(r.stdout).split('\n').find((l) => l.startsWith(peer));
  if (!row) throw new Error(`no summary row for ${peer}:\n${String(r.stdout)}${String(r.stderr)}`);
  return row.trim().split(/\s+/)[4];
}

describe('rxbgp run at the default log level', () => {
  it('logs a wrong peerAs as one NOTIFICATION line on each side, with the code names', async () => {
    const A = '127.0.11.3';
    const B = '127.0.11.4';
    // B expects AS 65099 but A is AS 65003: B refuses A's OPEN with 2/2 Bad Peer AS.
    const b = run({ listen: [{ address: B, port: 17114 }], neighbors: [{ peerAddress: A, localAddress: B, localAs: 65004, peerAs: 65099, routerId: '192.0.2.4', passive: true }] });
    await until(() => /rxbgp started/.test(b.stderr()), 10000, 'B started', b);
    const a = run({ neighbors: [{ peerAddress: B, peerPort: 17114, localAddress: A, localAs: 65003, peerAs: 65004, routerId: '192.0.2.3', connectRetry: 1 }] });
    await until(() => a.lines(/NOTIFICATION received/).length > 0 && b.lines(/NOTIFICATION sent/).length > 0, 10000, 'the NOTIFICATION lines', a, b);
    expect(a.lines(/NOTIFICATION/)[0]).toMatch(new RegExp(`^\\S+ warn ${B}: NOTIFICATION received: OPEN Message Error / Bad Peer AS$`));
    expect(b.lines(/NOTIFICATION/)[0]).toMatch(new RegExp(`^\\S+ warn ${A}: NOTIFICATION sent: OPEN Message Error / Bad Peer AS$`));
    // One line per NOTIFICATION: as many as A's JSON events report, and never the code names twice in a line.
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a, b].map((d) => new Promise((r) => (d.child.exitCode !== null ? r(null) : d.child.on('exit', r)))));
    const events = (a.stdout().match(/"type": "notification"/g) ?? []).length;
    expect(events).toBeGreaterThan(0);
    expect(a.lines(/: NOTIFICATION received: /)).toHaveLength(events);
    expect(a.lines(/Bad Peer AS.*Bad Peer AS|Cease \/ Cease/)).toEqual([]);
  }, 30000);

  it('logs a peer that is down once, however often it retries, and once when it connects; #sent is 0 until then', async () => {
    const A = '127.0.11.1';
    const B = '127.0.11.2';
    const routes = [{ prefix: '10.11.0.0/24' }, { prefix: '10.11.1.0/24' }];
    // Nothing listens on B:17112 yet. connectRetry 1: retries after 1, 2, 4 s of backoff.
    const a = run({ neighbors: [{ peerAddress: B, peerPort: 17112, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.1', connectRetry: 1, routes }] });
    await until(() => /cannot connect/.test(a.stderr()), 10000, 'the first failure', a);
    expect(a.lines(/cannot connect/)[0]).toMatch(new RegExp(`^\\S+ warn ${B}: cannot connect to ${B}:17112: ECONNREFUSED; retrying, logged again once connected$`));
    await until(() => fs.existsSync(a.socket), 10000, 'the control socket', a);
    // A session that never came up has advertised nothing, whatever the Adj-RIB-Out holds.
    expect(sentColumn(a, B)).toBe('0');
    await sleep(3500); // attempts at about 0, 1 and 3 s
    const b = run({ listen: [{ address: B, port: 17112 }], neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.2', passive: true }] });
    await until(() => /connected to/.test(a.stderr()), 15000, 'the recovery line', a, b);
    expect(a.lines(/cannot connect/)).toHaveLength(1);
    const recovered = a.lines(/connected to/);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatch(new RegExp(`^\\S+ info ${B}: connected to ${B}:17112 after \\d+ failed attempts in \\d+s \\(first: ECONNREFUSED\\)$`));
    expect(Number(/after (\d+) failed/.exec(recovered[0])![1])).toBeGreaterThanOrEqual(3);
    await until(() => /session established/.test(a.stderr()), 10000, 'the session', a, b);
    await until(() => sentColumn(a, B) === '2', 10000, '#sent 2 once established', a, b);
  }, 40000);

  it('logs a peer that never answers (connect timeout) once, and once when its connection comes up', async () => {
    const A = '127.0.11.10';
    const B = '127.0.11.9';
    // A listener that does not accept, with room for one connection in its queue: once the filler
    // takes it, the kernel drops further SYNs and connects hang, as to a host that does not answer.
    // A line on its stdin makes it accept everything (Node's own listeners always accept).
    const script = [
      'import socket, sys',
      's = socket.socket()',
      `s.bind(('${B}', 17119))`,
      's.listen(0)',
      "print('listening', flush=True)",
      'sys.stdin.readline()',
      'held = []',
      'while True: held.append(s.accept())',
    ].join('\n');
    const listener = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(listener);
    await new Promise((resolve, reject) => {
      listener.stdout!.once('data', resolve);
      listener.once('exit', (code) => reject(new Error(`python3 listener exited with ${code}`)));
    });
    const filler = net.connect(17119, B);
    await new Promise((resolve, reject) => filler.once('connect', resolve).once('error', reject));
    try {
      const a = run({ neighbors: [{ peerAddress: B, peerPort: 17119, localAddress: A, localAs: 65010, peerAs: 65009, routerId: '192.0.2.10', connectRetry: 1 }] });
      await until(() => /cannot connect/.test(a.stderr()), 10000, 'the timeout', a);
      expect(a.lines(/cannot connect/)).toEqual([expect.stringMatching(new RegExp(`^\\S+ warn ${B}: cannot connect to ${B}:17119: timeout \\(no answer in 1s\\); retrying, logged again once connected$`))]);
      await sleep(2500); // more attempts time out, unlogged
      listener.stdin!.write('accept\n'); // the queue empties: the next SYN is answered
      await until(() => /connected to/.test(a.stderr()), 10000, 'the recovery line', a);
      expect(a.lines(/cannot connect/)).toHaveLength(1);
      expect(a.lines(/connected to/)).toEqual([expect.stringMatching(/ info .*: connected to 127\.0\.11\.9:17119 after \d+ failed attempts in \d+s \(first: timeout \(no answer in 1s\)\)$/)]);
      expect(Number(/after (\d+) failed/.exec(a.lines(/connected to/)[0])![1])).toBeGreaterThanOrEqual(3);
    } finally {
      filler.destroy();
    }
  }, 30000);

  it('logs a peer that accepts and closes before its OPEN (a wrong neighbor address at GoBGP) once, and once when its OPEN comes', async () => {
    const A = '127.0.52.1';
    const B = '127.0.52.2';
    // What GoBGP does to an address it has no neighbor for: accept, then close without a NOTIFICATION.
    // When rxbgp's OPEN is already in the closed socket's receive buffer, the kernel answers with a
    // RST instead of a FIN (RFC 1122 §4.2.2.13), so the log says "reset" as often as "closed".
    let accepted = 0;
    const closer = net.createServer((c) => {
      accepted++;
      c.destroy();
    });
    await new Promise<void>((resolve, reject) => closer.once('error', reject).listen(17522, B, resolve));
    try {
      const a = run({ neighbors: [{ peerAddress: B, peerPort: 17522, localAddress: A, localAs: 65521, peerAs: 65522, routerId: '192.0.2.52', connectRetry: 1 }] });
      await until(() => /before its OPEN/.test(a.stderr()), 10000, 'the first close', a);
      expect(a.lines(/before its OPEN/)[0]).toMatch(
        new RegExp(`^\\S+ warn ${B}: ${B}:17522 (closed|reset) the connection before its OPEN \\(is ${A} configured as a neighbor there\\?\\); retrying, logged again once it sends its OPEN$`),
      );
      await until(() => accepted >= 3, 15000, 'three attempts', a); // retries about 1 s apart
      expect(a.lines(/before its OPEN/)).toHaveLength(1);
      await new Promise((resolve) => closer.close(resolve));
      // The peer now knows A: its OPEN is the recovery.
      const b = run({ listen: [{ address: B, port: 17522 }], neighbors: [{ peerAddress: A, localAddress: B, localAs: 65522, peerAs: 65521, routerId: '192.0.2.53', passive: true }] });
      await until(() => /sent its OPEN/.test(a.stderr()), 15000, 'the recovery line', a, b);
      expect(a.lines(/sent its OPEN/)).toEqual([
        expect.stringMatching(new RegExp(`^\\S+ info ${B}: ${B}:17522 sent its OPEN after \\d+ failed attempts in \\d+s \\(first: (closed|reset) the connection before its OPEN\\)$`)),
      ]);
      expect(Number(/after (\d+) failed/.exec(a.lines(/sent its OPEN/)[0])![1])).toBeGreaterThanOrEqual(3);
      await until(() => /session established/.test(a.stderr()), 10000, 'the session', a, b);
      expect(a.lines(/ warn .*(before its OPEN|cannot connect)/)).toHaveLength(1);
    } finally {
      closer.close();
    }
  }, 45000);

  it('logs a peer that sends its OPEN and closes without a NOTIFICATION, as a session down', async () => {
    const A = '127.0.52.3';
    const B = '127.0.52.4';
    // A version 4 OPEN: AS 65524, hold time 90, BGP Identifier 192.0.2.54, no optional parameters.
    const open = Buffer.from('ffffffffffffffffffffffffffffffff' + '001d' + '01' + '04' + 'fff4' + '005a' + 'c0000236' + '00', 'hex');
    const server = net.createServer((c) => {
      c.on('error', () => undefined);
      c.write(open, () => setTimeout(() => c.destroy(), 200));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(17523, B, resolve));
    try {
      const a = run({ neighbors: [{ peerAddress: B, peerPort: 17523, localAddress: A, localAs: 65523, peerAs: 65524, routerId: '192.0.2.55', connectRetry: 1 }] });
      await until(() => /session down/.test(a.stderr()), 10000, 'the close', a);
      expect(a.lines(/session down/)[0]).toMatch(new RegExp(`^\\S+ warn ${B}: session down: connection lost$`));
      expect(a.lines(/before its OPEN/)).toEqual([]);
    } finally {
      server.close();
    }
  }, 30000);

  it('teardown answers and logs "Cease / Administrative Reset" once, on each side', async () => {
    const A = '127.0.11.5';
    const B = '127.0.11.6';
    const b = run({ listen: [{ address: B, port: 17116 }], neighbors: [{ peerAddress: A, localAddress: B, localAs: 65006, peerAs: 65005, routerId: '192.0.2.6', passive: true }] });
    await until(() => /rxbgp started/.test(b.stderr()), 10000, 'B started', b);
    const a = run({ neighbors: [{ peerAddress: B, peerPort: 17116, localAddress: A, localAs: 65005, peerAs: 65006, routerId: '192.0.2.5', connectRetry: 1 }] });
    await until(() => /session established/.test(a.stderr()) && fs.existsSync(a.socket), 10000, 'the session', a, b);
    const r = a.cli('teardown', '4');
    expect({ status: r.status, stdout: String(r.stdout).trim() }).toEqual({ status: 0, stdout: '1 session(s) sent Cease / Administrative Reset' });
    await until(() => b.lines(/NOTIFICATION received/).length > 0 && /session down/.test(a.stderr()), 10000, 'the teardown at B', a, b);
    expect(a.lines(/Cease/)).toEqual([expect.stringMatching(new RegExp(`^\\S+ info ${B}: NOTIFICATION sent: Cease / Administrative Reset$`))]);
    expect(b.lines(/Cease/)).toEqual([expect.stringMatching(new RegExp(`^\\S+ warn ${A}: NOTIFICATION received: Cease / Administrative Reset$`))]);
    expect(a.lines(/session down/)).toEqual([expect.stringMatching(/info .*: session down: teardown command \(NOTIFICATION sent\)$/)]);
  }, 30000);
});
