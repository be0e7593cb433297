/**
 * Export policies end to end: what a speaker announces (config routes and API routes) goes through
 * its export policies, and the peer receives what they let through; a reload with other options
 * sends only what changed, without resetting the session.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { decodeConfig, formatErrors } from '../../lib/config';
import type { Config } from '../../lib/config/types';
import { Daemon, type DaemonEvent } from '../../lib/daemon/daemon';
import { startDaemon, until } from './helpers';

const A = '127.0.0.167';
const B = '127.0.0.168';
const PORT = 18073;
const NO_BOGONS = path.join(__dirname, '../../conf/policies/no-bogons.js');
const MED = path.join(__dirname, '../fixtures/policies/med.js');

describe('export policies', () => {
  let dir: string;
  let a: Daemon;
  let b: ReturnType<typeof startDaemon>;
  const errors: string[] = [];

  const senderConfig = (extraBogons: string[], med: number): Config => {
    const route = (prefix: string) => ({ prefix, nextHop: '198.51.100.1' });
    const json = {
      policies: {
        'no-bogons': { module: NO_BOGONS, options: { extra: extraBogons } },
        med: { module: MED, options: { prefixes: ['8.0.0.0/8 le 24'], med } },
      },
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.167', connectRetry: 1,
          routes: [route('8.8.8.0/24'), route('8.8.4.0/24'), route('10.0.0.0/24'), route('1.1.1.0/24')],
          export: ['no-bogons', 'med'],
        },
      ],
    };
    const r = decodeConfig(json, dir);
    if (r._tag === 'Left') throw new Error(formatErrors(r.left));
    return r.right;
  };
  const atPeer = () => [...b.daemon.neighbors[0].ribIn.entries()].map(([, prefix, e]) => `${prefix} med ${e.attributes.med ?? '-'}`).sort();
  const updatesAtPeer = () => b.events.filter(({ event }) => event.kind === 'update' && event.direction === 'receive');
  const ups = (events: DaemonEvent[]) => events.filter(({ event }) => event.kind === 'up').length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-export-policy-'));
    b = startDaemon({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.168', passive: true }],
    });
    await b.started;
    a = new Daemon(senderConfig([], 7), { error: (m) => errors.push(m), warn() {}, info() {}, debug() {} });
    await a.start();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.daemon.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the peer receives what the policies let through, as they changed it', async () => {
    await until(() => atPeer().length === 3, 10000, `routes at the peer (${atPeer().join(', ')}; errors ${errors.join(' | ')})`);
    expect(atPeer()).toEqual(['1.1.1.0/24 med -', '8.8.4.0/24 med 7', '8.8.8.0/24 med 7']);
    // What the sender's sessions send is the post-policy view; what it wants to announce is kept too.
    expect(a.neighbors[0].sentRoutes.size).toBe(3);
    expect(a.neighbors[0].ribOut.size).toBe(4);
  });

  it('API routes go through the export policies too', async () => {
    const n = a.neighbors[0];
    n.announceApi([
      { afi: 1, safi: 1, prefix: '8.8.9.0/24', nextHop: '198.51.100.1', attributes: { origin: 0 } },
      { afi: 1, safi: 1, prefix: '192.168.1.0/24', nextHop: '198.51.100.1', attributes: { origin: 0 } },
    ]);
    await until(() => atPeer().length === 4, 5000, 'the API route at the peer');
    expect(atPeer()).toContain('8.8.9.0/24 med 7');
    expect(atPeer().some((r) => r.startsWith('192.168.1.0/24'))).toBe(false);
  });

  it('a reload with other options sends only what changed, without a reset', async () => {
    const before = updatesAtPeer().length;
    await a.reload(senderConfig(['8.8.4.0/24'], 9));
    await until(() => !atPeer().some((r) => r.startsWith('8.8.4.0/24')) && atPeer().includes('8.8.8.0/24 med 9'), 5000, 'the new outcome at the peer');
    expect(atPeer()).toEqual(['1.1.1.0/24 med -', '8.8.8.0/24 med 9', '8.8.9.0/24 med 9']);
    // 1.1.1.0/24 did not change: not sent again. (The withdrawal and the MED change: a few UPDATEs.)
    const after = updatesAtPeer().slice(before);
    expect(after.flatMap(({ event }) => (event.kind === 'update' ? event.message.announced.flatMap((l) => l.prefixes) : []))).not.toContain('1.1.1.0/24');
    expect(ups(b.events)).toBe(1);
  });
});
