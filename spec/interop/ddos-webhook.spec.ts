/**
 * The DDoS-mitigation example end to end (issue 12 §3): `rxbgp run` with examples/ddos-webhook/rxbgp.json
 * (only its addresses and ports changed), which starts examples/ddos-webhook/ddos-webhook.js as its
 * API process, and a real gobgpd 3.10 as the edge router, configured with the gobgpd.toml of the
 * example's README. Alerts are POSTed over HTTP; what the router holds is read from
 * `gobgp global rib -a ipv4-flowspec|ipv6-flowspec -j`. FastNetMon Community's notify script
 * (fastnetmon-notify.sh) is run as FastNetMon runs it. Last, the README's curl session runs as
 * written, with its outputs compared line by line.
 *
 * Addresses: rxbgp and the webhook 127.0.0.247 (HTTP port 18747), GoBGP 127.0.0.248:17248 (API 17249).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import path from 'path';
import { linesMatch, readBlocks } from '../docs/doc-blocks';
import { gobgpFlowRib } from './flowspec/daemon-views';
import { gobgpFlowToml, startGobgpFlow, type FlowDaemon, type FlowDaemonOptions } from './flowspec/flow-daemons';
import type { GobgpView } from './flowspec/flow-rules';
import { pollUntil } from './harness/poll';
import { Rxbgp, type RxbgpConfig } from './rxbgp';

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'ddos-webhook');
const README = 'examples/ddos-webhook/README.md';
const RX = '127.0.0.247';
const HTTP = `${RX}:18747`;
const GOBGP: FlowDaemonOptions = { address: '127.0.0.248', port: 17248, asn: 65001, routerId: '192.0.2.248', neighbor: RX };
const GOBGP_API_PORT = 17249;
/** The README's addresses (the docs' convention: rxbgp 127.0.0.1, the router 127.0.0.2 port 1790) and this spec's. */
const README_GOBGP: FlowDaemonOptions = { address: '127.0.0.2', port: 1790, asn: 65001, routerId: '192.0.2.2', neighbor: '127.0.0.1' };
const TIMEOUT_MS = 20000;

interface Reply {
  readonly status: number;
  readonly body: { ok: boolean; error?: string; rules?: string[] };
}

function post(body: unknown): Promise<Reply> {
  const [host, port] = HTTP.split(':');
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port: Number(port), method: 'POST', path: '/alert' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
}

/** The example's config, with this spec's addresses and ports, and the helper by its absolute path. */
function exampleConfig(): Record<string, unknown> {
  const config = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'rxbgp.json'), 'utf8'));
  const helper = config.processes['ddos-webhook'];
  const args: string[] = helper.run.slice(1);
  expect(args.slice(0, 2)).toEqual(['--listen', '127.0.0.1:8787']);
  helper.run = [path.join(EXAMPLE, helper.run[0]), '--listen', HTTP, ...args.slice(2)];
  const [neighbor] = config.neighbors;
  expect({ peerAddress: neighbor.peerAddress, peerPort: neighbor.peerPort, localAddress: neighbor.localAddress }).toEqual({ peerAddress: '127.0.0.2', peerPort: 1790, localAddress: '127.0.0.1' });
  Object.assign(neighbor, { peerAddress: GOBGP.address, peerPort: GOBGP.port, localAddress: RX, connectRetry: 1 });
  // No control socket: this spec drives rxbgp through the webhook only.
  return { ...config, control: { enabled: false } };
}

describe('examples/ddos-webhook with rxbgp and GoBGP as the edge router', () => {
  let gobgp: FlowDaemon;
  let rxbgp: Rxbgp;

  const rib = (afi: 1 | 2): Promise<GobgpView[]> => gobgpFlowRib(gobgp, afi);

  /** Waits until GoBGP's table for the family satisfies `ok`, and returns it. */
  function routerHolds(what: string, afi: 1 | 2, ok: (views: GobgpView[]) => boolean): Promise<GobgpView[]> {
    return pollUntil(`GoBGP to hold ${what}`, async () => {
      const views = await rib(afi);
      return ok(views) ? views : undefined;
    }, {
      timeoutMs: TIMEOUT_MS,
      intervalMs: 250,
      context: () => `${rxbgp.diagnostics()}\n--- gobgpd ---\n${gobgp.logTail()}`,
      abort: () => rxbgp.exitText() ?? gobgp.exited(),
    });
  }

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, GOBGP_API_PORT);
    rxbgp = Rxbgp.start(exampleConfig() as unknown as RxbgpConfig);
    await rxbgp.waitForEvent('the session with GoBGP up', (e) => e.type === 'state' && e.neighbor.state === 'up', TIMEOUT_MS);
    await pollUntil('the webhook to listen', () => post('{}').then((r) => r.status), { timeoutMs: TIMEOUT_MS, context: () => rxbgp.diagnostics(), abort: () => rxbgp.exitText() });
  }, 60000);

  afterAll(async () => {
    await rxbgp?.dispose();
    await gobgp?.stop();
  }, 30000);

  it("the README's gobgpd.toml is the router config this spec runs (with the README's addresses)", () => {
    const toml = readBlocks(README).find((b) => b.lang === 'toml');
    expect(toml?.body).toBe(gobgpFlowToml(README_GOBGP));
  });

  it('a ban: 200 with the rule, and the router holds it with its discard action', async () => {
    const reply = await post({ action: 'ban', ip: '192.0.2.10', protocol: 'udp', port: 53 });
    expect(reply.status).toBe(200);
    expect(reply.body.rules).toEqual(['announce flow route destination 192.0.2.10/32 protocol [ udp ] destination-port [ =53 ] discard']);
    const views = await routerHolds('the ban', 1, (v) => v.length > 0);
    expect(views).toEqual([{ rule: '[destination: 192.0.2.10/32][protocol: ==udp][destination-port: ==53]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 0 }] }]);
  });

  it('the unban: 200 with the withdrawal, and the rule is gone from the router', async () => {
    const reply = await post({ action: 'unban', ip: '192.0.2.10' });
    expect(reply.status).toBe(200);
    expect(reply.body.rules).toEqual(['withdraw flow route destination 192.0.2.10/32 protocol [ udp ] destination-port [ =53 ]']);
    await routerHolds('no IPv4 rule', 1, (v) => v.length === 0);
  });

  it('a bad request gets 400 and changes nothing; rxbgp and the webhook stay up and the next ban goes through', async () => {
    expect(await post('{"action": "ban", "ip": ')).toEqual({ status: 400, body: { ok: false, error: expect.stringMatching(/^the body is not JSON: /) } });
    expect(await post({ action: 'ban', ip: '192.0.2.999' })).toEqual({ status: 400, body: { ok: false, error: '"ip": "192.0.2.999" is not an IPv4 or IPv6 address (a host, not a prefix)' } });
    expect(rxbgp.exitText()).toBeUndefined();
    expect(await rib(1)).toEqual([]);
    const reply = await post({ action: 'ban', ip: '192.0.2.11', rateLimit: 125000 });
    expect(reply.status).toBe(200);
    await routerHolds('the rate-limit ban', 1, (v) => v.some((r) => r.rule === '[destination: 192.0.2.11/32]'));
    expect(await rib(1)).toEqual([{ rule: '[destination: 192.0.2.11/32]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 125000 }] }]);
    expect((await post({ action: 'unban', ip: '192.0.2.11' })).status).toBe(200);
    await routerHolds('no IPv4 rule', 1, (v) => v.length === 0);
  });

  it("FastNetMon's JSON: an IPv6 ban and unban reach the router's ipv6-flowspec table", async () => {
    const alert = (action: string) => ({ ip: '2001:db8:d05::10', action, alert_scope: 'host', attack_details: { attack_direction: 'incoming', attack_protocol: 'tcp', attack_severity: 'middle' } });
    expect((await post(alert('ban'))).status).toBe(200);
    const views = await routerHolds('the IPv6 ban', 2, (v) => v.length > 0);
    expect(views).toEqual([{ rule: '[destination: 2001:db8:d05::10/128/0][protocol: ==tcp]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 0 }] }]);
    expect((await post(alert('unban'))).status).toBe(200);
    await routerHolds('no IPv6 rule', 2, (v) => v.length === 0);
  });

  it('a ban with a TTL leaves the router by itself', async () => {
    expect((await post({ action: 'ban', ip: '192.0.2.12', ttl: 1 })).status).toBe(200);
    await routerHolds('the TTL ban', 1, (v) => v.some((r) => r.rule === '[destination: 192.0.2.12/32]'));
    await routerHolds('the TTL ban gone', 1, (v) => v.length === 0);
  });

  it('the router restarts: the active ban is sent again once its session is back', async () => {
    expect((await post({ action: 'ban', ip: '192.0.2.14', protocol: 'tcp', port: 443 })).status).toBe(200);
    const rule = '[destination: 192.0.2.14/32][protocol: ==tcp][destination-port: ==443]';
    await routerHolds('the ban', 1, (v) => v.some((r) => r.rule === rule));
    await gobgp.stop();
    gobgp = await startGobgpFlow(GOBGP, GOBGP_API_PORT);
    await routerHolds('the ban again, from the new session', 1, (v) => v.some((r) => r.rule === rule));
    expect((await post({ action: 'unban', ip: '192.0.2.14' })).status).toBe(200);
    await routerHolds('no IPv4 rule', 1, (v) => v.length === 0);
  });

  it("FastNetMon Community's notify script (fastnetmon-notify.sh) bans and unbans through the webhook", async () => {
    const ban = await notify('192.0.2.13 incoming 250000 ban', 'attack details, as FastNetMon writes them on ban\n');
    expect(ban.code).toBe(0);
    expect(JSON.parse(ban.stdout)).toMatchObject({ ok: true, rules: ['announce flow route destination 192.0.2.13/32 discard'] });
    await routerHolds('the notify script ban', 1, (v) => v.some((r) => r.rule === '[destination: 192.0.2.13/32]'));
    const unban = await notify('192.0.2.13 incoming 0 unban');
    expect(unban.code).toBe(0);
    expect(JSON.parse(unban.stdout)).toMatchObject({ ok: true, rules: ['withdraw flow route destination 192.0.2.13/32'] });
    await routerHolds('no IPv4 rule', 1, (v) => v.length === 0);
    // An unban of nothing: the webhook's 404 makes the script fail, with the webhook's message.
    expect(await notify('192.0.2.13 incoming 0 unban')).toEqual({ code: 22, stdout: '{"ok":false,"error":"no active ban matches destination 192.0.2.13/32"}\n', stderr: 'curl: (22) The requested URL returned error: 404\n' });
  });

  it("the README's session, run as written: each curl prints what the README shows, and the router holds what it says", async () => {
    const blocks = readBlocks(README).filter((b) => b.lang === 'sh' && b.role === 'session');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const steps = sessionSteps(block.body);
      for (const step of steps) {
        // The router's view is polled (bounded): an UPDATE takes a moment to arrive.
        let out: string[] = [];
        await pollUntil(`${README}:${block.line}: $ ${step.command}`, async () => ((out = await runStep(step.command)), linesMatch(step.expected, out) || step.command.startsWith('curl') ? true : undefined), {
          timeoutMs: TIMEOUT_MS,
          intervalMs: 250,
          context: () => `last output:\n${out.join('\n')}`,
        });
        if (!linesMatch(step.expected, out)) throw new Error(`${README}:${block.line}: $ ${step.command}\nexpected:\n${step.expected.join('\n')}\ngot:\n${out.join('\n')}`);
      }
    }
    await routerHolds('no rule after the session', 1, (v) => v.length === 0);
    await routerHolds('no rule after the session', 2, (v) => v.length === 0);
  });
});

/** `$ command` lines, each followed by its output lines. */
function sessionSteps(body: string): Array<{ command: string; expected: string[] }> {
  const steps: Array<{ command: string; expected: string[] }> = [];
  for (const line of body.trimEnd().split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
    else if (steps.length) steps[steps.length - 1]!.expected.push(line);
    else throw new Error(`${README}: session output before any command: ${line}`);
  }
  return steps;
}

/**
 * Runs a README command with this spec's addresses: curl to the webhook, gobgp to the router's API.
 * Only these two programs; the words are split on spaces, with one '...'-quoted JSON argument allowed.
 */
function runStep(command: string): Promise<string[]> {
  const words = (command.match(/'[^']*'|\S+/g) ?? []).map((w) => (w.startsWith("'") ? w.slice(1, -1) : w)).map((w) => w.replace('127.0.0.1:8787', HTTP));
  const [program, ...args] = words;
  if (program !== 'curl' && program !== 'gobgp') throw new Error(`${README}: the session runs curl and gobgp only, not: ${command}`);
  const argv = program === 'gobgp' ? ['-p', String(GOBGP_API_PORT), ...args] : args;
  return new Promise((resolve, reject) => {
    execFile(program, argv, { timeout: 15000 }, (err, stdout, stderr) => {
      if (err && program === 'gobgp') return reject(new Error(`${command}: ${stderr || err.message}`));
      resolve(stdout.replace(/\n$/, '').split('\n'));
    });
  });
}

/** Runs examples/ddos-webhook/fastnetmon-notify.sh as FastNetMon would (arguments, details on stdin), aimed at this spec's webhook. */
function notify(args: string, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('sh', [path.join(EXAMPLE, 'fastnetmon-notify.sh'), ...args.split(' ')], { timeout: 20000, env: { ...process.env, WEBHOOK_URL: `http://${HTTP}/alert` } }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}
