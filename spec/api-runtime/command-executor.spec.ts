/**
 * The text API on a daemon with two neighbors: selectors, bulk attributes/nlri, watchdogs,
 * show output, teardown and errors, checked at the peers (two more daemons).
 */
import { startDaemon, until } from '../daemon/helpers';
import { CommandExecutor } from '../../lib/api-runtime/command-executor';
import { silentLog } from '../../lib/session/log';

const HUB = '127.0.0.101';
const P1 = '127.0.0.102';
const P2 = '127.0.0.103';
const PORT = 17901;

describe('CommandExecutor', () => {
  const hub = startDaemon({
    listen: [{ address: HUB, port: PORT }],
    neighbors: [
      { peerAddress: P1, localAddress: HUB, localAs: 65100, peerAs: 65101, routerId: '192.0.2.100', passive: true },
      { peerAddress: P2, localAddress: HUB, localAs: 65100, peerAs: 65102, routerId: '192.0.2.100', passive: true },
    ],
  });
  const spoke = (me: string, asn: number) =>
    startDaemon({ neighbors: [{ peerAddress: HUB, peerPort: PORT, localAddress: me, localAs: asn, peerAs: 65100, routerId: `192.0.2.${asn - 65000}`, connectRetry: 1 }] });
  const s1 = spoke(P1, 65101);
  const s2 = spoke(P2, 65102);
  const actions: string[] = [];
  const exec = new CommandExecutor(hub.daemon, silentLog, { shutdown: () => actions.push('shutdown'), reload: () => (actions.push('reload'), { ok: true, lines: [] }), restart: () => actions.push('restart') }, '9.9.9');
  const rib1 = () => s1.daemon.neighbors[0].ribIn;
  const rib2 = () => s2.daemon.neighbors[0].ribIn;

  beforeAll(async () => {
    await Promise.all([hub.started, s1.started, s2.started]);
    await until(() => hub.daemon.neighbors.every((n) => n.state === 'Established'), 10000, 'both sessions');
  });
  afterAll(async () => {
    await Promise.all([hub.daemon.stop(), s1.daemon.stop(), s2.daemon.stop()]);
  });

  it('announces to every neighbor, or to those a selector names', async () => {
    expect(exec.execute('announce route 10.1.0.0/24 next-hop 198.51.100.1 med 5')).toEqual({ ok: true, lines: [] });
    expect(exec.execute(`neighbor ${P1} announce route 10.2.0.0/24 next-hop 198.51.100.1`).ok).toBe(true);
    expect(exec.execute(`neighbor ${P2} peer-as 65102 announce attributes next-hop 198.51.100.2 nlri 10.3.0.0/24 10.3.1.0/24`).ok).toBe(true);
    await until(() => rib1().size === 2 && rib2().size === 3, 5000, 'routes at the peers');
    expect(rib1().get(1, 1, '10.1.0.0/24')?.attributes.med).toBe(5);
    expect(rib2().get(1, 1, '10.2.0.0/24')).toBeUndefined();
    expect(rib2().get(1, 1, '10.3.1.0/24')?.nextHop).toEqual(['198.51.100.2']);
  });

  it('a selector that matches nobody is an error; several selectors joined by commas', async () => {
    expect(exec.execute('neighbor 127.0.0.199 announce route 10.9.0.0/24 next-hop self')).toEqual({ ok: false, lines: ['no neighbor matched'] });
    expect(exec.execute(`neighbor ${P1}, neighbor ${P2} withdraw route 10.1.0.0/24`).ok).toBe(true);
    await until(() => rib1().size === 1 && rib2().size === 2, 5000, 'withdrawn at both');
  });

  it('batches many deferred commands and keeps announce/withdraw order', async () => {
    for (let i = 0; i < 500; i++) exec.execute(`announce route 10.50.${i >> 8}.${i & 255}/32 next-hop 198.51.100.1`, undefined, true);
    exec.execute('withdraw route 10.50.0.7/32', undefined, true);
    exec.flush();
    await until(() => rib1().size === 1 + 499 && rib2().size === 2 + 499, 5000, 'the batch');
    expect(rib1().get(1, 1, '10.50.0.7/32')).toBeUndefined();
  });

  it('watchdogs withdraw and re-announce their routes', async () => {
    exec.execute('announce route 10.60.0.0/24 next-hop 198.51.100.1 watchdog health');
    await until(() => !!rib1().get(1, 1, '10.60.0.0/24'), 5000, 'watched route');
    expect(exec.execute('withdraw watchdog health').ok).toBe(true);
    await until(() => !rib1().get(1, 1, '10.60.0.0/24') && !rib2().get(1, 1, '10.60.0.0/24'), 5000, 'watchdog down');
    expect(exec.execute('announce watchdog health').ok).toBe(true);
    await until(() => !!rib1().get(1, 1, '10.60.0.0/24') && !!rib2().get(1, 1, '10.60.0.0/24'), 5000, 'watchdog up');
  });

  it("a helper's watchdog command is applied with its chunk's route commands (flush), after its answer, as announce route is", async () => {
    exec.execute('announce route 10.61.0.0/24 next-hop 198.51.100.1 watchdog web');
    await until(() => !!rib1().get(1, 1, '10.61.0.0/24'), 5000, 'watched route');
    const held = () => hub.daemon.neighbors[0].ribOut.apiSize;
    const before = held();
    expect(exec.execute('withdraw watchdog web', undefined, true)).toEqual({ ok: true, lines: [] });
    expect(held()).toBe(before);
    exec.flush();
    expect(held()).toBe(before - 1);
    await until(() => !rib1().get(1, 1, '10.61.0.0/24'), 5000, 'watchdog down');
    expect(exec.execute('announce watchdog web', undefined, true).ok).toBe(true);
    expect(held()).toBe(before - 1);
    exec.flush();
    expect(held()).toBe(before);
  });

  it("a helper's batch: each line reaches what its own selector and family allow, as one line at a time would", async () => {
    // The batch selects the neighbors and their families once (CommandExecutor.scoped, reached):
    // a selector, or a family none of them carries, must still be judged per line.
    const answers = [
      exec.execute('announce route 10.70.0.0/24 next-hop 198.51.100.1', undefined, true),
      exec.execute(`neighbor ${P1} announce route 10.70.1.0/24 next-hop 198.51.100.1`, undefined, true),
      exec.execute('announce flow route destination 10.70.2.0/24 discard', undefined, true),
      exec.execute('announce flow route destination 10.70.3.0/24 discard', undefined, true),
      exec.execute('announce route 10.70.4.0/24 next-hop 198.51.100.1', undefined, true),
      exec.execute('withdraw route 10.70.0.0/24', undefined, true),
      exec.execute('announce route 10.70.5.0/24 next-hop 198.51.100.1', undefined, true),
    ];
    exec.flush();
    expect(answers.map((a) => a.ok)).toEqual([true, true, false, false, true, true, true]);
    // Each refusal names its own line's rule.
    expect(answers[2].lines.join(' ')).toContain('10.70.2.0/24');
    expect(answers[3].lines.join(' ')).toContain('10.70.3.0/24');
    const at = (rib: typeof rib1, p: string) => rib().get(1, 1, p) !== undefined;
    await until(() => at(rib1, '10.70.5.0/24') && at(rib2, '10.70.5.0/24') && !at(rib1, '10.70.0.0/24') && !at(rib2, '10.70.0.0/24'), 5000, 'the batch at both peers');
    expect([at(rib1, '10.70.1.0/24'), at(rib2, '10.70.1.0/24'), at(rib1, '10.70.4.0/24'), at(rib2, '10.70.4.0/24')]).toEqual([true, false, true, true]);
  });

  it('shows neighbors and Adj-RIB-Out; answers version and help; passes control commands on', () => {
    const summary = exec.execute('show neighbor summary');
    expect(summary.ok).toBe(true);
    expect(summary.lines[0]).toMatch(/^Peer\s+AS\s+up\/down\s+state/);
    expect(summary.lines.filter((l) => /established/.test(l))).toHaveLength(2);
    const json = JSON.parse(exec.execute(`show neighbor ${P2} summary json`).lines[0]);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ 'peer-address': P2, 'peer-as': 65102, state: 'established' });
    const out = exec.execute(`neighbor ${P2} show adj-rib out`);
    expect(out.lines).toContain(`neighbor ${P2} ipv4 unicast 10.3.1.0/24 next-hop 198.51.100.2 origin igp`);
    expect(exec.execute('version')).toEqual({ ok: true, lines: ['rxbgp 9.9.9'] });
    expect(exec.execute('help').lines.length).toBeGreaterThan(5);
    exec.execute('reload');
    exec.execute('shutdown');
    expect(actions).toEqual(['reload', 'shutdown']);
  });

  it('malformed commands are errors with the reason, never exceptions', () => {
    for (const bad of ['announce route 10.0.0.0/33 next-hop self', 'frobnicate', 'announce route 10.0.0.0/24 med x next-hop self', '']) {
      const a = exec.execute(bad);
      expect(a.ok).toBe(false);
      expect(a.lines[0].length).toBeGreaterThan(5);
    }
  });

  it('teardown sends Cease with the subcode and the session comes back', async () => {
    const downs = () => s2.events.filter((e) => e.event.kind === 'down');
    expect(exec.execute(`neighbor ${P2} teardown 4`)).toEqual({ ok: true, lines: ['1 session(s) sent Cease / Administrative Reset'] });
    await until(() => downs().length === 1, 5000, 'teardown');
    const d = downs()[0].event;
    expect(d.kind === 'down' && [d.notification?.code, d.notification?.subcode]).toEqual([6, 4]);
    await until(() => hub.daemon.neighbors[1].state === 'Established' && rib2().size > 0, 15000, 'session back with its routes');
    expect(hub.daemon.neighbors[0].state).toBe('Established');
  }, 20000);
});
