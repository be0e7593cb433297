/**
 * Import policies end to end between two speakers: the shipped no-bogons policy filters what the
 * peer sends before the Adj-RIB-In and the events; a reload with other options runs the routes
 * already received through it again without resetting the session; a policy that throws is logged
 * by name, fails closed (its batch withdrawn), and the session stays up.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { decodeConfig, formatErrors } from '../../lib/config';
import type { Config } from '../../lib/config/types';
import { Daemon, type DaemonEvent } from '../../lib/daemon/daemon';
import { config, until } from './helpers';

const NO_BOGONS = path.join(__dirname, '../../conf/policies/no-bogons.js');

// With ROUTE-REFRESH negotiated, a reload asks the peer to send its routes again; without it, the
// routes as received are kept and run through the new policies from there.
describe.each([
  { refresh: true, A: '127.0.0.165', B: '127.0.0.166', PORT: 18072 },
  { refresh: false, A: '127.0.0.174', B: '127.0.0.175', PORT: 18077 },
])('import policies (ROUTE-REFRESH negotiated: $refresh)', ({ refresh, A, B, PORT }) => {
  let dir: string;
  let a: Daemon;
  let b: Daemon;
  const events: DaemonEvent[] = [];
  const errors: string[] = [];

  const receiverConfig = (policies: Record<string, unknown>, names: string[]): Config => {
    const json = {
      listen: [{ address: B, port: PORT }],
      policies,
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.166', passive: true, families: ['ipv4 unicast', 'ipv6 unicast'], import: names }],
    };
    const r = decodeConfig(json, dir);
    if (r._tag === 'Left') throw new Error(formatErrors(r.left));
    return r.right;
  };
  const held = () => [...b.neighbors[0].ribIn.entries()].map(([, prefix]) => prefix).sort();
  const announcedInEvents = () =>
    events.flatMap(({ event }) => (event.kind === 'update' && event.direction === 'receive' ? event.message.announced.flatMap((l) => l.prefixes) : []));
  const ups = () => events.filter(({ event }) => event.kind === 'up').length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-import-policy-'));
    fs.writeFileSync(
      path.join(dir, 'boom.js'),
      // (A temp dir has no node_modules: rxjs by its full path.)
      `const { map } = require(${JSON.stringify(require.resolve('rxjs'))});
module.exports = (options) => map((batch) => {
  if (batch.announced.some((l) => l.prefixes.includes(options.prefix))) throw new Error('no ' + options.prefix + ' here');
  return batch;
});
`,
    );
    b = new Daemon(receiverConfig({ 'no-bogons': { module: NO_BOGONS } }, ['no-bogons']), { error: (m) => errors.push(m), warn() {}, info() {}, debug() {} });
    b.events$.subscribe((e) => events.push(e));
    await b.start();
    const route = (prefix: string, nextHop: string) => ({ prefix, nextHop });
    a = new Daemon(
      config({
        neighbors: [
          {
            peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.165', connectRetry: 1,
            // The sender's capability says whether the receiver may ask it for its routes again.
            routeRefresh: refresh,
            families: ['ipv4 unicast', 'ipv6 unicast'],
            routes: [
              route('8.8.8.0/24', '192.0.2.1'),
              route('203.0.113.0/24', '192.0.2.1'),
              route('1.1.1.0/25', '192.0.2.1'),
              route('185.1.0.0/22', '192.0.2.2'),
              route('2001:db8:1::/48', '2001:db8::1'),
              route('2a00:1::/32', '2001:db8::1'),
            ],
          },
        ],
      }),
      { error: () => undefined, warn() {}, info() {}, debug() {} },
    );
    await a.start();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only what the policy passes, in the Adj-RIB-In and in the events (the routes as received only without ROUTE-REFRESH)', async () => {
    await until(() => held().length === 3 && announcedInEvents().length >= 3, 10000, `the routes at the receiver (held ${held().join(', ')}; errors ${errors.join(' | ')})`);
    expect(b.neighbors[0].receivedRoutes.size).toBe(refresh ? 0 : 6);
    expect(held()).toEqual(['185.1.0.0/22', '2a00:1::/32', '8.8.8.0/24']);
    expect(announcedInEvents().sort()).toEqual(['185.1.0.0/22', '2a00:1::/32', '8.8.8.0/24']);
  });

  it('a reload with other options runs the received routes through it again, without a reset', async () => {
    const before = announcedInEvents().length;
    await b.reload(receiverConfig({ 'no-bogons': { module: NO_BOGONS, options: { maxLengthIpv4: 25 } } }, ['no-bogons']));
    await until(() => held().includes('1.1.1.0/25'), 5000, 'the /25 accepted after the reload');
    expect(held()).toEqual(['1.1.1.0/25', '185.1.0.0/22', '2a00:1::/32', '8.8.8.0/24']);
    expect(ups()).toBe(1);
    // Re-run from the copy, only the change is reported; asked again, the peer sends everything.
    if (!refresh) expect(announcedInEvents().slice(before)).toEqual(['1.1.1.0/25']);
  });

  it('a policy that throws is logged by name and fails closed; the session stays up', async () => {
    await b.reload(
      receiverConfig({ 'no-bogons': { module: NO_BOGONS, options: { maxLengthIpv4: 25 } }, boom: { module: './boom.js', options: { prefix: '8.8.8.0/24' } } }, ['no-bogons', 'boom']),
    );
    await until(() => !held().includes('8.8.8.0/24'), 5000, 'the batch the policy threw on withdrawn');
    expect(errors.some((e) => e.includes('import policy "boom" failed: no 8.8.8.0/24 here'))).toBe(true);
    // 8.8.8.0/24 and 1.1.1.0/25 share next hop and attributes, so they are one batch: both withdrawn.
    expect(held()).toEqual(['185.1.0.0/22', '2a00:1::/32']);
    expect(b.neighbors[0].state).toBe('Established');
    expect(ups()).toBe(1);
  });

  it('refuses to start with a policy module that does not load, naming it', async () => {
    fs.writeFileSync(path.join(dir, 'empty.js'), 'module.exports = 42;\n');
    const bad = new Daemon(receiverConfig({ empty: { module: './empty.js' } }, ['empty']), { error() {}, warn() {}, info() {}, debug() {} });
    await expect(bad.start()).rejects.toThrow(/policies\.empty\.module: .*empty\.js: exports no policy factory/);
  });
});
