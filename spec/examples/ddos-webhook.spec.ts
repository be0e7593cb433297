/**
 * examples/ddos-webhook/ddos-webhook.js on its own: this spec plays rxbgp's side of the process API
 * (reads the helper's stdout, writes `done` / `error` on its stdin, as lib/api-runtime/api-processes.ts
 * does) and POSTs alerts over HTTP. What rxbgp and a real router make of the rules is checked in
 * spec/interop/ddos-webhook.spec.ts; here: the commands printed, the HTTP answers, validation,
 * unban matching, TTL expiry and rxbgp's errors passed back.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'child_process';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const HELPER = path.join(REPO, 'examples', 'ddos-webhook', 'ddos-webhook.js');
const HOST = '127.0.0.248';
const PORT = 18747;
const WAIT_MS = 10000;

interface Reply {
  readonly status: number;
  readonly body: { ok: boolean; error?: string; rules?: string[]; expires?: string | null; bans?: Array<{ rule: string; ip: string; expires: string | null }> };
}

function request(method: string, urlPath: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port: PORT, method, path: urlPath }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (alert: unknown): Promise<Reply> => request('POST', '/alert', typeof alert === 'string' ? alert : JSON.stringify(alert));

/** The helper, started as rxbgp starts it (stdin/stdout pipes), with this spec answering for rxbgp. */
class FakeRxbgp {
  readonly commands: string[] = [];
  readonly log: string[] = [];
  private readonly proc: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[]) {
    this.proc = spawn(process.execPath, [HELPER, '--listen', `${HOST}:${PORT}`, ...args]);
    this.exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.stdout.setEncoding('utf8');
    this.proc.stderr.setEncoding('utf8');
    let rest = '';
    this.proc.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      this.commands.push(...parts);
    });
    this.proc.stderr.on('data', (chunk: string) => this.log.push(...chunk.split('\n').filter(Boolean)));
  }

  async started(): Promise<this> {
    await this.until('the helper to listen', () => this.log.some((l) => l.includes('listening on')));
    return this;
  }

  /** Waits (bounded) until the helper has printed n commands; returns the n-th. */
  async command(n: number): Promise<string> {
    await this.until(`command ${n}`, () => this.commands.length >= n);
    return this.commands[n - 1]!;
  }

  /** What rxbgp writes back: lines of text, then done or error. */
  answer(...lines: string[]): void {
    this.proc.stdin.write(lines.map((l) => `${l}\n`).join(''));
  }

  async until(what: string, ready: () => boolean): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout: ${this.commands.join('\n')}\nstderr: ${this.log.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** As rxbgp stops it: stdin closed; the helper exits by itself. */
  stop(): Promise<number | null> {
    this.proc.stdin.end();
    return this.exited;
  }
}

/** POSTs an alert, answers the command it prints as rxbgp would, and returns the HTTP reply. */
async function roundTrip(rx: FakeRxbgp, alert: unknown, ...answer: string[]): Promise<{ command: string; reply: Reply }> {
  const n = rx.commands.length + 1;
  const pending = post(alert);
  const command = await rx.command(n);
  rx.answer(...(answer.length ? answer : ['done']));
  return { command, reply: await pending };
}

describe('examples/ddos-webhook/rxbgp.json', () => {
  it('is accepted by rxbgp validate', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/rxbgp'), 'validate', 'examples/ddos-webhook/rxbgp.json'], { cwd: REPO, encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout.trim() }).toEqual({
      code: 0,
      stdout: 'examples/ddos-webhook/rxbgp.json: ok: 1 neighbor, 0 listeners, 0 routes, 1 process (ddos-webhook), families ipv4 flow, ipv6 flow',
    });
  });
});

describe('examples/ddos-webhook/ddos-webhook.js', () => {
  let rx: FakeRxbgp;

  beforeEach(async () => {
    rx = await new FakeRxbgp([]).started();
  });

  afterEach(async () => {
    expect(await rx.stop()).toBe(0);
  });

  it('a ban prints announce flow route and answers 200 with the rule once rxbgp says done; GET /bans lists it', async () => {
    const { command, reply } = await roundTrip(rx, { action: 'ban', ip: '192.0.2.10', protocol: 'udp', port: 53 });
    expect(command).toBe('announce flow route destination 192.0.2.10/32 protocol [ udp ] destination-port [ =53 ] discard');
    expect(reply).toEqual({ status: 200, body: { ok: true, action: 'ban', rules: [command], expires: null } });
    expect(await request('GET', '/bans')).toEqual({ status: 200, body: { ok: true, bans: [{ rule: command, ip: '192.0.2.10', expires: null }] } });
  });

  it('IPv6: the /128 with next-header (ICMP is ICMPv6, 58), a rate limit, the address written canonically', async () => {
    const { command, reply } = await roundTrip(rx, { action: 'ban', ip: '2001:DB8:0::0010', protocol: 'icmp', rateLimit: 125000 });
    expect(command).toBe('announce flow route destination 2001:db8::10/128 next-header [ 58 ] rate-limit 125000');
    expect(reply.status).toBe(200);
  });

  it("the README's IPv6 example: port and rate limit", async () => {
    const { command } = await roundTrip(rx, { action: 'ban', ip: '2001:db8::10', protocol: 'udp', port: 123, rateLimit: 125000 });
    expect(command).toBe('announce flow route destination 2001:db8::10/128 next-header [ udp ] destination-port [ =123 ] rate-limit 125000');
  });

  it('a body over 64 KiB: 413', async () => {
    const reply = await post(JSON.stringify({ action: 'ban', ip: '192.0.2.1', pad: 'x'.repeat(70000) }));
    expect(reply).toEqual({ status: 413, body: { ok: false, error: 'the body is larger than 65536 bytes' } });
    expect(rx.commands).toEqual([]);
  });

  it('an outgoing attack matches the host as source', async () => {
    const { command } = await roundTrip(rx, { action: 'ban', ip: '198.51.100.7', direction: 'outgoing', protocol: 'tcp', port: 25 });
    expect(command).toBe('announce flow route source 198.51.100.7/32 protocol [ tcp ] destination-port [ =25 ] discard');
  });

  it('an unban withdraws exactly what the bans of that address announced: one port, then the rest', async () => {
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.20', protocol: 'udp', port: 53 });
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.20', protocol: 'udp', port: 123 });
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.21' });
    const one = await roundTrip(rx, { action: 'unban', ip: '192.0.2.20', port: 123 });
    expect(one.command).toBe('withdraw flow route destination 192.0.2.20/32 protocol [ udp ] destination-port [ =123 ]');
    expect(one.reply).toEqual({ status: 200, body: { ok: true, action: 'unban', rules: [one.command] } });
    const rest = await roundTrip(rx, { action: 'unban', ip: '192.0.2.20' });
    expect(rest.command).toBe('withdraw flow route destination 192.0.2.20/32 protocol [ udp ] destination-port [ =53 ]');
    expect((await request('GET', '/bans')).body.bans!.map((b) => b.ip)).toEqual(['192.0.2.21']);
    const none = await post({ action: 'unban', ip: '192.0.2.20' });
    expect(none).toEqual({ status: 404, body: { ok: false, error: 'no active ban matches destination 192.0.2.20/32' } });
  });

  it("rxbgp's error comes back as 502 with its text, and the ban is not recorded", async () => {
    const text = '2001:db8::1/128 not announced: no selected neighbor can carry ipv6 flow (127.0.0.2: ipv6 flow is not in its configured families)';
    const { command, reply } = await roundTrip(rx, { action: 'ban', ip: '2001:db8::1' }, text, 'error');
    expect(reply).toEqual({ status: 502, body: { ok: false, error: `rxbgp answered error: ${text} (command: ${command})` } });
    expect((await request('GET', '/bans')).body.bans).toEqual([]);
  });

  it.each([
    ['bad JSON', '{"action": "ban", ', /^the body is not JSON: /],
    ['an empty body', '', /^the body is empty: expected a JSON alert$/],
    ['not an object', '[1]', /^the body must be a JSON object$/],
    ['a bad IP', { action: 'ban', ip: '192.0.2.300' }, /^"ip": "192.0.2.300" is not an IPv4 or IPv6 address \(a host, not a prefix\)$/],
    ['a prefix', { action: 'ban', ip: '192.0.2.0/24' }, /^"ip": "192.0.2.0\/24" is not an IPv4 or IPv6 address/],
    ['an unknown action', { action: 'block', ip: '192.0.2.1' }, /^"action": "block" is not "ban" or "unban"$/],
    ['a misspelt key', { action: 'ban', ip: '192.0.2.1', rate_limit: 10 }, /^unknown key "rate_limit"; the keys are action, ip, direction, protocol, port, rateLimit, ttl/],
    ['a port out of range', { action: 'ban', ip: '192.0.2.1', port: 65536 }, /^"port": 65536 is not a port number 0-65535$/],
    ['an unknown protocol', { action: 'ban', ip: '192.0.2.1', protocol: 'http' }, /^"protocol": "http" is not one of tcp, udp, icmp, gre or a protocol number 0-255$/],
    ['a TTL too long', { action: 'ban', ip: '192.0.2.1', ttl: 604801 }, /^"ttl": 604801 is not whole seconds from 0 \(no expiry\) to 604800$/],
    ['a FastNetMon hostgroup alert', { action: 'ban', ip: '192.0.2.1', alert_scope: 'hostgroup', attack_details: {} }, /^"alert_scope": "hostgroup" is not handled/],
  ])('%s: 400 with what is wrong, nothing sent to rxbgp', async (_name, alert, message) => {
    const reply = await post(alert);
    expect(reply.status).toBe(400);
    expect(reply.body.ok).toBe(false);
    expect(reply.body.error).toMatch(message);
    expect(rx.commands).toEqual([]);
  });

  it('other paths and methods: 404 and 405', async () => {
    expect((await request('GET', '/alert')).status).toBe(405);
    expect((await request('POST', '/bans', '{}')).status).toBe(405);
    expect(await request('GET', '/')).toEqual({ status: 404, body: { ok: false, error: 'no / here: POST alerts to /alert, GET /bans' } });
  });

  // FastNetMon's JSON callback document (https://fastnetmon.com/docs-fnm-advanced/fastnetmon-json-formats/),
  // shortened: its other attack_details fields are traffic counters.
  const fastnetmon = (action: string, direction: string, protocol: string) => ({
    ip: '192.0.2.77',
    action,
    alert_scope: 'host',
    attack_details: { attack_uuid: '041eb504-2b33-4ff7-a6b7-8235408d5062', attack_severity: 'middle', attack_type: 'unknown', attack_direction: direction, attack_protocol: protocol, total_incoming_pps: 282472 },
  });

  it("FastNetMon's ban and unban: the attacked host and the attack's protocol; unban withdraws the same rule", async () => {
    const ban = await roundTrip(rx, fastnetmon('ban', 'incoming', 'udp'));
    expect(ban.command).toBe('announce flow route destination 192.0.2.77/32 protocol [ udp ] discard');
    expect(ban.reply.status).toBe(200);
    const unban = await roundTrip(rx, fastnetmon('unban', 'incoming', 'udp'));
    expect(unban.command).toBe('withdraw flow route destination 192.0.2.77/32 protocol [ udp ]');
    expect(unban.reply.status).toBe(200);
  });

  it('FastNetMon: an outgoing attack of a protocol the webhook does not name filters all traffic from the host', async () => {
    const { command } = await roundTrip(rx, fastnetmon('ban', 'outgoing', 'unknown'));
    expect(command).toBe('announce flow route source 192.0.2.77/32 discard');
  });

  it('a ban with a TTL is withdrawn by itself when it runs out', async () => {
    const { reply } = await roundTrip(rx, { action: 'ban', ip: '192.0.2.30', ttl: 1 });
    expect(reply.body.expires).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await rx.command(2)).toBe('withdraw flow route destination 192.0.2.30/32');
    rx.answer('done');
    await rx.until('the ban to be forgotten', () => rx.log.some((l) => l.includes('expired: withdraw flow route destination 192.0.2.30/32')));
    expect((await request('GET', '/bans')).body.bans).toEqual([]);
  });

  it('a ban renewed before its TTL runs out keeps its rule: the old timer does not withdraw it', async () => {
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.31', ttl: 1 });
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.31', ttl: 600 });
    // Past the first TTL: the next command printed is this unban's, not an expiry.
    await new Promise((r) => setTimeout(r, 1500));
    const { command } = await roundTrip(rx, { action: 'unban', ip: '192.0.2.31' });
    expect(command).toBe('withdraw flow route destination 192.0.2.31/32');
    expect(rx.commands).toHaveLength(3);
  });
});

describe('ddos-webhook options', () => {
  it('refuses to listen on an address that is not loopback', async () => {
    const r = spawnSync(process.execPath, [HELPER, '--listen', '0.0.0.0:18747'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ddos-webhook: --listen 0.0.0.0:18747: 0.0.0.0 is not a loopback address (127.0.0.0/8 or ::1)');
  });

  it('--max-bans: a ban beyond it gets 503; renewing an active ban still works', async () => {
    const rx = await new FakeRxbgp(['--max-bans', '2']).started();
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.41' });
    await roundTrip(rx, { action: 'ban', ip: '192.0.2.42' });
    expect(await post({ action: 'ban', ip: '192.0.2.43' })).toEqual({ status: 503, body: { ok: false, error: '2 bans are active already (--max-bans); unban some first' } });
    expect((await roundTrip(rx, { action: 'ban', ip: '192.0.2.42', rateLimit: 1000 })).reply.status).toBe(200);
    expect(rx.commands).toHaveLength(3);
    expect(await rx.stop()).toBe(0);
  });

  it('answers 504 when rxbgp does not answer in time; a late done still records the ban', async () => {
    const rx = await new FakeRxbgp(['--answer-timeout', '0.2']).started();
    const reply = await post({ action: 'ban', ip: '192.0.2.40' });
    expect(reply).toEqual({ status: 504, body: { ok: false, error: 'rxbgp did not answer within 0.2 s: announce flow route destination 192.0.2.40/32 discard' } });
    rx.answer('done');
    await rx.until('the late ban to be recorded', () => rx.log.some((l) => l.includes('ban: announce flow route destination 192.0.2.40/32')));
    expect((await request('GET', '/bans')).body.bans!.map((b) => b.ip)).toEqual(['192.0.2.40']);
    expect(await rx.stop()).toBe(0);
  });
});

describe('ddos-webhook under a real rxbgp (no router: the neighbor stays down)', () => {
  const RX = '127.0.0.249';
  let dir: string;
  let daemon: ChildProcessWithoutNullStreams;
  let exited: Promise<number | null>;
  let log = '';

  const postTo = (alert: unknown): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: RX, port: PORT, method: 'POST', path: '/alert' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(alert));
    });

  beforeAll(async () => {
    // The example's config with this spec's addresses, and a neighbor that carries IPv4 FlowSpec only.
    const config = JSON.parse(fs.readFileSync(path.join(REPO, 'examples/ddos-webhook/rxbgp.json'), 'utf8'));
    const run: string[] = config.processes['ddos-webhook'].run;
    expect(run.slice(1, 3)).toEqual(['--listen', '127.0.0.1:8787']);
    config.processes['ddos-webhook'].run = [HELPER, '--listen', `${RX}:${PORT}`, ...run.slice(3)];
    Object.assign(config.neighbors[0], { peerAddress: '127.0.0.250', peerPort: 17250, localAddress: RX, families: ['ipv4 flow'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddos-webhook-'));
    config.control = { socket: path.join(dir, 'rxbgp.sock') };
    fs.writeFileSync(path.join(dir, 'rxbgp.json'), JSON.stringify(config));
    daemon = spawn(process.execPath, [path.join(REPO, 'bin/rxbgp'), 'run', path.join(dir, 'rxbgp.json')]);
    exited = new Promise((resolve) => daemon.once('exit', resolve));
    daemon.stderr.setEncoding('utf8');
    daemon.stderr.on('data', (c: string) => (log += c));
    daemon.stdout.resume();
    const deadline = Date.now() + WAIT_MS;
    while (!log.includes('ddos-webhook: listening on')) {
      if (Date.now() > deadline || daemon.exitCode !== null) throw new Error(`the webhook did not start under rxbgp:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 20000);

  afterAll(async () => {
    if (daemon.exitCode === null) daemon.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an IPv4 ban is taken (kept for when the session comes up): 200', async () => {
    expect(await postTo({ action: 'ban', ip: '192.0.2.50' })).toEqual({
      status: 200,
      body: { ok: true, action: 'ban', rules: ['announce flow route destination 192.0.2.50/32 discard'], expires: expect.any(String) },
    });
  });

  it("an IPv6 ban, which no neighbor can carry: 502 with rxbgp's own error text", async () => {
    const reply = await postTo({ action: 'ban', ip: '2001:db8::50' });
    expect(reply.status).toBe(502);
    expect(reply.body.error).toBe(
      'rxbgp answered error: flow destination-ipv6 2001:db8::50/128/0 not announced: no selected neighbor can carry ipv6 flow (edge router (127.0.0.250): ipv6 flow is not in its configured families) (command: announce flow route destination 2001:db8::50/128 discard)',
    );
  });

  it('a rule left behind (a restarted webhook forgets its bans) is listed and withdrawn with rxbgp cli', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'bin/rxbgp'), 'cli', '--socket', path.join(dir, 'rxbgp.sock'), ...args], { encoding: 'utf8' });
    expect(cli('show', 'adj-rib', 'out').stdout).toContain('neighbor 127.0.0.250 ipv4 flow flow destination-ipv4 192.0.2.50/32 ');
    expect(cli('withdraw', 'flow', 'route', 'destination', '192.0.2.50/32').status).toBe(0);
    expect(cli('show', 'adj-rib', 'out').stdout).not.toContain('192.0.2.50/32');
  });

  it('stops with rxbgp: SIGTERM, rxbgp exits 0, and the webhook is gone', async () => {
    daemon.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(postTo({ action: 'ban', ip: '192.0.2.51' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
