/**
 * Route commands reach only the neighbors that can carry the route's family: configured and, on an
 * established session, negotiated by the peer. A family no selected neighbor can carry makes the
 * command an error that names the family, the neighbor and why, and the routes are stored nowhere.
 * The hub daemon's neighbors:
 *   V4_ONLY_PEER  configures ipv4+ipv6, its peer offers only ipv4 (established, ipv4 negotiated)
 *   V6            configures ipv6 only, its peer too (established over IPv4 transport)
 *   DOWN          configures ipv4+ipv6, no peer ever connects (not established)
 */
import { CommandExecutor } from '../../lib/api-runtime/command-executor';
import { Daemon } from '../../lib/daemon/daemon';
import type { Log } from '../../lib/session/log';
import { silentLog } from '../../lib/session/log';
import { config, startDaemon, until } from '../daemon/helpers';

const HUB = '127.0.0.213';
const V4_ONLY_PEER = '127.0.0.214';
const V6 = '127.0.0.215';
const DOWN = '127.0.0.216';
const PORT = 18213;

describe('route commands and the families a neighbor can carry', () => {
  const warnings: string[] = [];
  const log: Log = { ...silentLog, warn: (m) => warnings.push(m) };
  const hub = new Daemon(
    config({
      listen: [{ address: HUB, port: PORT }],
      processes: { helper: { run: ['/bin/true'] } },
      neighbors: [
        {
          peerAddress: V4_ONLY_PEER, localAddress: HUB, localAs: 65213, peerAs: 65214, routerId: '192.0.2.213', passive: true,
          families: ['ipv4 unicast', 'ipv6 unicast'], api: { processes: ['helper'] },
          // Stored before the session is up; the peer does not negotiate ipv6: logged when the session comes up.
          routes: [{ prefix: '2001:db8:213::/48', nextHop: '2001:db8::213' }, { prefix: '2001:db8:214::/48', nextHop: '2001:db8::213' }],
        },
        { peerAddress: V6, localAddress: HUB, localAs: 65213, peerAs: 65215, routerId: '192.0.2.213', passive: true, families: ['ipv6 unicast'], api: { processes: ['helper'] } },
        { peerAddress: DOWN, localAddress: HUB, localAs: 65213, peerAs: 65216, routerId: '192.0.2.213', passive: true, families: ['ipv4 unicast', 'ipv6 unicast'] },
      ],
    }),
    log,
  );
  const spoke = (me: string, asn: number, families: string[]) =>
    startDaemon({ neighbors: [{ peerAddress: HUB, peerPort: PORT, localAddress: me, localAs: asn, peerAs: 65213, routerId: me, connectRetry: 1, families }] });
  const s4 = spoke(V4_ONLY_PEER, 65214, ['ipv4 unicast']);
  const s6 = spoke(V6, 65215, ['ipv6 unicast']);
  const exec = new CommandExecutor(hub, silentLog, { shutdown() {}, reload() {}, restart() {} }, 'test');
  const neighbor = (address: string) => hub.neighbors.find((n) => n.endpoint.peerAddress === address)!;
  const out = (who: string) => exec.execute(`neighbor ${who} show adj-rib out`).lines.join('\n');

  beforeAll(async () => {
    await hub.start();
    await Promise.all([s4.started, s6.started]);
    await until(() => neighbor(V4_ONLY_PEER)?.state === 'Established' && neighbor(V6)?.state === 'Established', 10000, 'both sessions');
  });
  afterAll(async () => {
    await Promise.all([hub.stop(), s4.daemon.stop(), s6.daemon.stop()]);
  });

  it('refuses a route of a family the peer did not negotiate, names family, neighbor and reason, and stores it nowhere', () => {
    const a = exec.execute(`neighbor ${V4_ONLY_PEER} announce route 2001:db8:99::/48 next-hop 2001:db8::1`);
    expect(a).toEqual({
      ok: false,
      lines: [`2001:db8:99::/48 not announced: no selected neighbor can carry ipv6 unicast (${V4_ONLY_PEER}: the peer did not negotiate ipv6 unicast)`],
    });
    expect(out(V4_ONLY_PEER)).not.toContain('2001:db8:99::/48');
  });

  it('refuses a route of a family the neighbor does not configure', () => {
    const a = exec.execute(`neighbor ${V6} announce route 10.213.0.0/24 next-hop 198.51.100.1`);
    expect(a.ok).toBe(false);
    expect(a.lines).toEqual([`10.213.0.0/24 not announced: no selected neighbor can carry ipv4 unicast (${V6}: ipv4 unicast is not in its configured families)`]);
    expect(out(V6)).not.toContain('10.213.0.0/24');
  });

  it('without a selector, a route goes to every neighbor that can carry it: a v4-only and a v6-only neighbor both keep working', async () => {
    expect(exec.execute('announce route 10.214.0.0/24 next-hop 198.51.100.1')).toEqual({ ok: true, lines: [] });
    expect(exec.execute('announce route 2001:db8:98::/48 next-hop 2001:db8::1')).toEqual({ ok: true, lines: [] });
    await until(() => !!s4.daemon.neighbors[0].ribIn.get(1, 1, '10.214.0.0/24') && !!s6.daemon.neighbors[0].ribIn.get(2, 1, '2001:db8:98::/48'), 5000, 'routes at both peers');
    expect(out(V4_ONLY_PEER)).toContain('10.214.0.0/24');
    expect(out(V4_ONLY_PEER)).not.toContain('2001:db8:98::/48');
    expect(out(V6)).toContain('2001:db8:98::/48');
    expect(out(V6)).not.toContain('10.214.0.0/24');
    // A session that is not established takes the routes of its configured families (sent when it comes up).
    expect(out(DOWN)).toContain('10.214.0.0/24');
    expect(out(DOWN)).toContain('2001:db8:98::/48');
  });

  it('a family that reaches nobody refuses the whole command, even with routes of another family that would go', () => {
    const a = exec.execute(`neighbor ${V4_ONLY_PEER} announce attributes next-hop 2001:db8::1 nlri 2001:db8:97::/48 2001:db8:96::/48`);
    expect(a.lines).toEqual([
      `2001:db8:97::/48 and 1 more ipv6 unicast routes not announced: no selected neighbor can carry ipv6 unicast (${V4_ONLY_PEER}: the peer did not negotiate ipv6 unicast)`,
    ]);
    const mixed = exec.execute(`neighbor ${V4_ONLY_PEER}, neighbor ${V6} announce attributes next-hop self nlri 10.215.0.0/24 2001:db8:95::/48`);
    expect(mixed.ok).toBe(true); // ipv4 reaches the first, ipv6 the second
    const none = exec.execute(`neighbor ${V6} announce attributes next-hop self nlri 10.216.0.0/24 2001:db8:94::/48`);
    expect(none.ok).toBe(false);
    expect(none.lines).toEqual([`10.216.0.0/24 not announced: no selected neighbor can carry ipv4 unicast (${V6}: ipv4 unicast is not in its configured families)`]);
    expect(out(V6)).not.toContain('2001:db8:94::/48');
  });

  it('the same from a helper process (batched, as ApiProcesses runs it), and for watchdog routes', () => {
    const a = exec.execute('announce route 2001:db8:93::/48 next-hop 2001:db8::1', 'helper', true);
    expect(a.ok).toBe(true); // the helper's v6 neighbor takes it
    const b = exec.execute(`neighbor ${V4_ONLY_PEER} announce route 2001:db8:92::/48 next-hop 2001:db8::1 watchdog w213`, 'helper', true);
    expect(b.ok).toBe(false);
    expect(b.lines[0]).toContain('the peer did not negotiate ipv6 unicast');
    exec.flush();
    expect(out(V6)).toContain('2001:db8:93::/48');
    expect(out(V4_ONLY_PEER)).not.toContain('2001:db8:93::/48');
    // The refused watchdog route was not parked either: bringing the watchdog up announces nothing.
    expect(exec.execute(`neighbor ${V4_ONLY_PEER} announce watchdog w213`)).toEqual({ ok: true, lines: [] });
    expect(out(V4_ONLY_PEER)).not.toContain('2001:db8:92::/48');
  });

  it('a withdrawal needs the family configured only, so a route stored while the session was down can be taken back', async () => {
    // DOWN stored 2001:db8:98::/48 before its session came up; its peer now comes, offering ipv4 only.
    const late = spoke(DOWN, 65216, ['ipv4 unicast']);
    try {
      await late.started;
      await until(() => neighbor(DOWN).state === 'Established', 10000, 'the late session');
      expect(out(DOWN)).toContain('2001:db8:98::/48');
      expect(exec.execute(`neighbor ${DOWN} withdraw route 2001:db8:98::/48`)).toEqual({ ok: true, lines: [] });
      expect(out(DOWN)).not.toContain('2001:db8:98::/48');
    } finally {
      await late.daemon.stop();
    }
    const w = exec.execute(`neighbor ${V6} withdraw route 10.214.0.0/24`);
    expect(w).toEqual({ ok: false, lines: [`10.214.0.0/24 not withdrawn: no selected neighbor can carry ipv4 unicast (${V6}: ipv4 unicast is not in its configured families)`] });
  });

  it('announce eor of a family the peer did not negotiate is an error', () => {
    expect(exec.execute(`neighbor ${V4_ONLY_PEER} announce eor ipv6 unicast`)).toEqual({ ok: false, lines: ['no established session negotiated ipv6 unicast'] });
    expect(exec.execute(`neighbor ${V4_ONLY_PEER} announce eor ipv4 unicast`).ok).toBe(true);
  });

  it('logs once per family, when a session comes up, how many stored routes (config or API) the peer did not negotiate', () => {
    expect(warnings.filter((w) => w.includes('not sent'))).toEqual([
      `${V4_ONLY_PEER}: 2 ipv6 unicast routes not sent: the peer did not negotiate ipv6 unicast`,
      `${DOWN}: 1 ipv6 unicast route not sent: the peer did not negotiate ipv6 unicast`,
    ]);
  });
});
