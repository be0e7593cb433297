/**
 * The router recipes of the docs, run as written (issue 11 item 17): the README's bird.conf beside
 * conf/bird-peer.json, and docs/routers.md's gobgp.toml beside conf/gobgp-peer.json. Only the
 * addresses and ports move, to ones of this spec's own (127.0.0.243-246), and rxbgp's control socket
 * is switched off so it never takes a real daemon's. The README's first bird.conf made BIRD warn
 * "Missing next hop address" (no IPv6 next hop over an IPv4 session); BIRD must log no warning.
 */
import fs from 'fs';
import path from 'path';
import { readBlocks, REPO } from '../docs/doc-blocks';
import { Child } from './harness/child';
import { runCommand } from './harness/command';
import { pollUntil } from './harness/poll';
import { makeTempDir, removeTempDir } from './harness/temp-dir';

const BIN = path.join(REPO, 'bin/rxbgp');
const TIMEOUT_MS = 30000;

function docBlock(page: string, info: string): string {
  const block = readBlocks(page).find((b) => b.info === info);
  if (!block) throw new Error(`${page} has no \`\`\`${info} block`);
  return block.body;
}

/** `text` with each [from, to] replaced where it stands alone (not inside a longer number or address). */
function moved(text: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.reduce((s, [from, to]) => s.replace(new RegExp(`(?<![\\d.])${from.replace(/\./g, '\\.')}(?![\\d])`, 'g'), to), text);
}

/** rxbgp run on a conf/ example, moved; its JSON events kept. */
function startRxbgp(dir: string, confFile: string, pairs: ReadonlyArray<readonly [string, string]>): { child: Child; events: string[] } {
  const config = JSON.parse(moved(fs.readFileSync(path.join(REPO, confFile), 'utf8'), pairs)) as Record<string, unknown>;
  config.control = { enabled: false };
  const file = path.join(dir, path.basename(confFile));
  fs.writeFileSync(file, JSON.stringify(config));
  const events: string[] = [];
  const child = new Child({
    name: `rxbgp run ${confFile}`,
    command: process.execPath,
    args: [BIN, 'run', file],
    cwd: dir,
    onLine: (line, stream) => {
      if (stream === 'stdout') events.push(line);
    },
  });
  return { child, events };
}

const receivedRoute = (events: readonly string[], prefix: string): boolean =>
  events.some((l) => l.includes('"direction": "receive"') && l.includes(`"nlri": "${prefix}"`));

describe('the BIRD recipe of the README', () => {
  const pairs = [
    ['127.0.0.44', '127.0.0.244'],
    ['127.0.0.1', '127.0.0.243'],
    ['1744', '17944'],
    ['1790', '17943'],
  ] as const;
  let dir = '';
  const started: Child[] = [];
  beforeAll(() => {
    dir = makeTempDir('docs-bird');
  });
  afterAll(async () => {
    for (const c of started) await c.stop();
    removeTempDir(dir);
  });

  it('peers with rxbgp on conf/bird-peer.json both ways, and BIRD logs no warning', async () => {
    const birdConf = moved(docBlock('README.md', 'conf bird'), pairs);
    expect(birdConf).toContain('local 127.0.0.244 port 17944');
    fs.writeFileSync(path.join(dir, 'bird.conf'), birdConf);
    const socket = path.join(dir, 'bird.sock');

    const rxbgp = startRxbgp(dir, 'conf/bird-peer.json', pairs);
    started.push(rxbgp.child);
    const birdLog: string[] = [];
    const bird = new Child({ name: 'bird', command: 'bird', args: ['-f', '-c', path.join(dir, 'bird.conf'), '-s', socket], onLine: (l) => birdLog.push(l) });
    started.push(bird);
    const context = () => `${bird.lastLines()}\n${rxbgp.child.lastLines()}`;

    await pollUntil(
      'BIRD to hold both routes of conf/bird-peer.json',
      async () => {
        const routes = (await runCommand('birdc', ['-s', socket, 'show', 'route', 'protocol', 'rxbgp'])).stdout;
        return routes.includes('10.20.0.0/24') && routes.includes('2001:db8:20::/48') ? true : undefined;
      },
      { timeoutMs: TIMEOUT_MS, context },
    );
    const protocol = (await runCommand('birdc', ['-s', socket, 'show', 'protocols', 'all', 'rxbgp'])).stdout;
    expect(protocol).toMatch(/BGP state:\s+Established/);
    await pollUntil('rxbgp to receive 20.0.0.0/24 from BIRD', () => (receivedRoute(rxbgp.events, '20.0.0.0/24') ? true : undefined), { timeoutMs: TIMEOUT_MS, context });

    expect(birdLog.filter((l) => /<(WARN|ERR|BUG|FATAL)>/.test(l))).toEqual([]);
    expect((await bird.stop()).killed).toBe(false);
    expect(await rxbgp.child.stop()).toEqual({ code: 0, signal: null, killed: false });
  });
});

describe('the GoBGP recipe of docs/routers.md', () => {
  const pairs = [
    ['127.0.0.33', '127.0.0.246'],
    ['127.0.0.1', '127.0.0.245'],
    ['1733', '17946'],
  ] as const;
  const api = '50746';
  let dir = '';
  const started: Child[] = [];
  beforeAll(() => {
    dir = makeTempDir('docs-gobgp');
  });
  afterAll(async () => {
    for (const c of started) await c.stop();
    removeTempDir(dir);
  });

  it('takes every route of conf/gobgp-peer.json from rxbgp', async () => {
    const toml = moved(docBlock('docs/routers.md', 'toml gobgp'), pairs);
    expect(toml).toContain('local-address-list = ["127.0.0.246"]');
    fs.writeFileSync(path.join(dir, 'gobgp.toml'), toml);
    const gobgpd = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', path.join(dir, 'gobgp.toml'), '--api-hosts', `127.0.0.1:${api}`, '--pprof-disable'] });
    started.push(gobgpd);
    await pollUntil('gobgpd to answer', async () => ((await runCommand('gobgp', ['-p', api, 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: TIMEOUT_MS,
      context: () => gobgpd.lastLines(),
    });

    const rxbgp = startRxbgp(dir, 'conf/gobgp-peer.json', pairs);
    started.push(rxbgp.child);
    const context = () => `${gobgpd.lastLines()}\n${rxbgp.child.lastLines()}`;
    // The counts the doc's commands show: 1 route and a route set of 1,000 (IPv4), 1 route (IPv6).
    await pollUntil(
      'GoBGP to hold 1001 IPv4 destinations',
      async () => ((await runCommand('gobgp', ['-p', api, 'global', 'rib', '-a', 'ipv4', 'summary'])).stdout.includes('Destination: 1001') ? true : undefined),
      { timeoutMs: TIMEOUT_MS, context },
    );
    expect((await runCommand('gobgp', ['-p', api, 'neighbor'])).stdout).toMatch(/127\.0\.0\.245\s.*Establ/);
    expect((await runCommand('gobgp', ['-p', api, 'global', 'rib', '-a', 'ipv6'])).stdout).toContain('2001:db8:10::/48');

    expect(await rxbgp.child.stop()).toEqual({ code: 0, signal: null, killed: false });
    expect((await gobgpd.stop()).killed).toBe(false);
  });
});
