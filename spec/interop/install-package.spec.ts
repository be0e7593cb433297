/**
 * rxbgp installed as a user installs it, outside the checkout: `npm pack` (prepare builds dist/),
 * `npm install -g` of the tarball into a temporary prefix (never the system's), then the installed
 * `rxbgp validate` and `rxbgp run` from another folder holding the config and a policy module
 * with no node_modules of its own. BIRD, the peer, shows the policy applied.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { Child } from './harness/child';
import { makeTempDir, removeTempDir } from './harness/temp-dir';
import { startBird } from './peers/bird';
import { waitEstablished, waitForCease, waitForRoute, type Also, type BgpPeer } from './peers/bgp-peer';

const REPO = path.resolve(__dirname, '../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const bird = { address: '127.0.0.241', port: 1796, asn: 65241, routerId: '192.0.2.241' };
const rx = { address: '127.0.0.242', asn: 65242, routerId: '192.0.2.242' };
/** npm pack runs tsc (prepare); npm install fetches the dependencies. */
const INSTALL_TIMEOUT_MS = 300000;
const SESSION_TIMEOUT_MS = 30000;

/** The user's export policy: MED from its options and a community made by a helper file beside it. */
const POLICY = `const { pipe } = require('rxjs');
const { tap } = require('rxjs/operators');
const { mapAttributes } = require('rxbgp');
const { community } = require('./shared/community');
// Where this policy's packages came from, for the test to check.
process.stderr.write('policy resolved rxbgp ' + require.resolve('rxbgp') + ' rxjs ' + require.resolve('rxjs') + '\\n');
module.exports = (options) =>
  pipe(tap(() => undefined), mapAttributes((a) => ({ ...a, med: options.med, communities: [...(a.communities ?? []), community(options.community)] })));
`;
const HELPER = `const { parseCommunity } = require('rxbgp');
exports.community = (text) => parseCommunity(text);
`;

function run(command: string, args: readonly string[], cwd: string) {
  const r = spawnSync(command, [...args], { cwd, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  if (r.error) throw r.error;
  return r;
}

describe('rxbgp packed, installed with npm install -g and run from another folder', () => {
  let dir: string;
  let prefix: string;
  let user: string;
  let files: string[];
  let peer: BgpPeer | undefined;
  let daemon: Child | undefined;

  beforeAll(() => {
    dir = makeTempDir('install');
    prefix = path.join(dir, 'prefix');
    user = path.join(dir, 'user');
    const pack = run('npm', ['pack', '--json', '--pack-destination', dir], REPO);
    if (pack.status !== 0) throw new Error(`npm pack failed (${pack.status}):\n${pack.stderr}`);
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed.files.map((f) => f.path);
    // One install, of the tarball: its dependencies from npm's cache or the registry.
    const install = run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, packed.filename)], dir);
    if (install.status !== 0) throw new Error(`npm install -g failed (${install.status}):\n${install.stderr}`);

    fs.mkdirSync(path.join(user, 'shared'), { recursive: true });
    fs.writeFileSync(path.join(user, 'tag.js'), POLICY);
    fs.writeFileSync(path.join(user, 'shared/community.js'), HELPER);
    fs.writeFileSync(
      path.join(user, 'rxbgp.json'),
      JSON.stringify({
        control: { socket: './rxbgp.sock' },
        policies: { tag: { module: './tag.js', options: { med: 4242, community: '65242:7' } } },
        neighbors: [
          {
            peerAddress: bird.address,
            peerPort: bird.port,
            localAddress: rx.address,
            localAs: rx.asn,
            peerAs: bird.asn,
            routerId: rx.routerId,
            connectRetry: 1,
            families: ['ipv4 unicast'],
            routes: [{ prefix: '10.242.0.0/24', nextHop: '198.51.100.242' }],
            export: ['tag'],
          },
        ],
      }),
    );
  }, INSTALL_TIMEOUT_MS * 2);

  afterAll(async () => {
    await daemon?.stop(10000);
    await peer?.stop();
    removeTempDir(dir);
  }, 30000);

  test('the tarball holds the built package, not the sources', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'bin/rxbgp', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/cli/main.js', 'conf/demo.json']));
    expect(files.filter((f) => /^(lib|spec|bench|scripts|node_modules|dist\/bench)\//.test(f))).toEqual([]);
  });

  test('the installed rxbgp validates the config and loads its policy, from the config\'s folder', () => {
    const bin = path.join(prefix, 'bin', 'rxbgp');
    expect(run(bin, ['--version'], user).stdout.trim()).toBe(VERSION);
    const r = run(bin, ['validate', 'rxbgp.json'], user);
    expect(r.stdout).toMatch(/^rxbgp\.json: ok: 1 neighbor/);
    expect(r.status).toBe(0);
  });

  test('the installed rxbgp run applies the policy: BIRD holds the route with its MED and community', async () => {
    peer = await startBird({ ...bird, neighbor: { address: rx.address, asn: rx.asn }, families: ['ipv4 unicast'] });
    daemon = new Child({ name: 'installed rxbgp', command: path.join(prefix, 'bin', 'rxbgp'), args: ['run', 'rxbgp.json'], cwd: user });
    const also: Also = { context: () => `--- installed rxbgp, last output lines ---\n${daemon!.lastLines()}`, abort: () => (daemon!.exit ? `rxbgp exited (${JSON.stringify(daemon!.exit)})` : undefined) };
    await waitEstablished(peer, SESSION_TIMEOUT_MS, also);
    const route = await waitForRoute(peer, '10.242.0.0/24', SESSION_TIMEOUT_MS, also);
    expect(route.med).toBe(4242);
    expect(route.communities).toEqual(['65242:7']);
    // rxbgp and rxjs came from the installed package, nothing from the checkout or the user's folder.
    const own = path.join(fs.realpathSync(prefix), 'lib', 'node_modules', 'rxbgp');
    expect(daemon.lastLines()).toContain(`policy resolved rxbgp ${path.join(own, 'dist/lib/index.js')} rxjs ${path.join(own, 'node_modules/rxjs/dist/cjs/index.js')}`);
    const stopped = await daemon.stop(10000);
    expect(stopped).toEqual({ code: 0, signal: null, killed: false });
    await waitForCease(peer, SESSION_TIMEOUT_MS);
  }, SESSION_TIMEOUT_MS * 3);
});
