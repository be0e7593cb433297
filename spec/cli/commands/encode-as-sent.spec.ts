/**
 * `rxbgp encode --local-as L --peer-as P` prints the bytes the daemon really sends: the same
 * commands are run on a daemon (AS 65236) with an eBGP and an iBGP neighbor, and the UPDATEs
 * those neighbors receive must equal what encode produces, byte for byte.
 */
import { parseCommand } from '../../../lib/api/commands/parse-command';
import { encodeRouteCommand } from '../../../lib/cli/commands/encode-updates';
import { CommandExecutor } from '../../../lib/api-runtime/command-executor';
import { silentLog } from '../../../lib/session/log';
import { startDaemon, until } from '../../daemon/helpers';

const HUB = '127.0.0.236';
const EBGP = '127.0.0.237';
const IBGP = '127.0.0.238';
const PORT = 18236;
const LOCAL_AS = 65236;
const families = ['ipv4 unicast', 'ipv6 unicast'];

describe('rxbgp encode against the bytes the daemon sends', () => {
  const hub = startDaemon({
    listen: [{ address: HUB, port: PORT }],
    neighbors: [
      { peerAddress: EBGP, localAddress: HUB, localAs: LOCAL_AS, peerAs: 65237, routerId: '192.0.2.236', passive: true, families },
      { peerAddress: IBGP, localAddress: HUB, localAs: LOCAL_AS, peerAs: LOCAL_AS, routerId: '192.0.2.236', passive: true, families },
    ],
  });
  const spoke = (me: string, asn: number) => {
    const s = startDaemon({ neighbors: [{ peerAddress: HUB, peerPort: PORT, localAddress: me, localAs: asn, peerAs: LOCAL_AS, routerId: me, connectRetry: 1, families }] });
    const received: string[] = [];
    // The raw view is only valid while the event is handled: keep its hex.
    s.daemon.events$.subscribe(({ event }) => {
      if (event.kind === 'update' && event.direction === 'receive' && event.raw) received.push(event.raw.toString('hex'));
    });
    return { ...s, received };
  };
  const peers: Record<string, ReturnType<typeof spoke> & { asn: number }> = { [EBGP]: { ...spoke(EBGP, 65237), asn: 65237 }, [IBGP]: { ...spoke(IBGP, LOCAL_AS), asn: LOCAL_AS } };
  const exec = new CommandExecutor(hub.daemon, silentLog, { shutdown() {}, reload() {}, restart() {} }, 'test');

  beforeAll(async () => {
    await Promise.all([hub.started, peers[EBGP].started, peers[IBGP].started]);
    await until(() => hub.daemon.neighbors.every((n) => n.state === 'Established'), 10000, 'both sessions');
    // Nothing configured: each peer first gets the two End-of-RIB markers.
    await until(() => peers[EBGP].received.length === 2 && peers[IBGP].received.length === 2, 5000, 'End-of-RIB markers');
  });
  afterAll(async () => {
    await Promise.all([hub.daemon.stop(), peers[EBGP].daemon.stop(), peers[IBGP].daemon.stop()]);
  });

  /** Runs the command on the daemon toward `peer` and returns [what the peer received, what encode prints]. */
  async function both(peer: string, line: string): Promise<[string[], string[]]> {
    const p = peers[peer];
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(parsed.error);
    const encoded = (await encodeRouteCommand(parsed.command, { asn4: true, localAs: LOCAL_AS, peerAs: p.asn, nextHopSelf: HUB })).map((m) => m.toString('hex'));
    const mark = p.received.length;
    expect(exec.execute(`neighbor ${peer} ${line}`)).toEqual({ ok: true, lines: [] });
    await until(() => p.received.length >= mark + encoded.length, 5000, `the UPDATEs of "${line}" at ${peer}`);
    return [p.received.slice(mark), encoded];
  }

  it.each([
    ['eBGP', EBGP, 'announce route 10.236.0.0/24 next-hop 198.51.100.1 as-path [64512] med 5 local-preference 300 community [65000:1]'],
    ['iBGP', IBGP, 'announce route 10.236.0.0/24 next-hop 198.51.100.1 as-path [64512] med 5 community [65000:1]'],
    ['eBGP, IPv6 with next-hop self', EBGP, 'announce route 2001:db8:236::/48 next-hop self as-path [64512 64513] origin egp'],
    ['iBGP, IPv6 without attributes', IBGP, 'announce route 2001:db8:237::/48 next-hop 2001:db8::236'],
    ['eBGP, bulk attributes nlri (sent in prefix order)', EBGP, 'announce attributes next-hop self med 7 nlri 10.236.3.0/24 10.236.1.0/24 10.236.2.0/24'],
    ['eBGP, withdrawal', EBGP, 'withdraw route 10.236.0.0/24'],
    ['iBGP, IPv6 withdrawal', IBGP, 'withdraw route 2001:db8:237::/48'],
    // RFC 4271 §4.3: a generic attribute keeps its flags, its Extended Length bit too (a 2-octet length for 4 octets).
    ['eBGP, generic attribute with Extended Length', EBGP, 'announce route 10.236.4.0/24 next-hop 198.51.100.1 attribute [ 0x99 0xd0 0x00000064 ]'],
  ])('%s: encode equals what the neighbor receives', async (_name, peer, line) => {
    const [received, encoded] = await both(peer, line);
    expect(encoded.length).toBeGreaterThan(0);
    expect(received).toEqual(encoded);
    if (line.includes('attribute [')) expect(received[0]).toContain('d099000400000064');
  });
});
