import { LogWriter } from '../../lib/sinks/log-writer';
import { endOfRibMessage } from '../../lib/wire/end-of-rib';
import { Afi, Safi } from '../../lib/wire/iana';
import type { SessionEvent } from '../../lib/events/events';
import { ipv4Update, neighbor, sinkEvent, stopNeighbors } from './mrt-sink-helpers';

describe('LogWriter', () => {
  afterAll(() => stopNeighbors());

  async function logged(events: SessionEvent[]): Promise<{ lines: string[]; written: number }> {
    const lines: string[] = [];
    const log = { error: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m), debug() {} };
    const n = neighbor('192.0.2.1');
    const written = await new LogWriter(log, 'sessions').write(events.map((e) => sinkEvent(n, 0, e)));
    return { lines, written };
  }

  it('names the family of an End-of-RIB (RFC 4724 §2), IPv4 and IPv6 alike', async () => {
    const { lines } = await logged([
      { kind: 'update', message: endOfRibMessage({ afi: Afi.IPV4, safi: Safi.UNICAST }), direction: 'receive' },
      { kind: 'update', message: endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }), direction: 'send' },
    ]);
    expect(lines).toEqual(['sink sessions: peer-192.0.2.1: update received: End-of-RIB ipv4 unicast', 'sink sessions: peer-192.0.2.1: update sent: End-of-RIB ipv6 unicast']);
  });

  it('counts an UPDATE with routes as before, and says how many events it logged', async () => {
    const { lines, written } = await logged([
      { kind: 'connected', localAddress: '192.0.2.2', peerAddress: '192.0.2.1' }, // no line for it
      { kind: 'update', message: ipv4Update(['203.0.113.0/24', '198.51.100.0/24'], [65002], '192.0.2.1'), direction: 'receive' },
    ]);
    expect(lines).toEqual(['sink sessions: peer-192.0.2.1: update received: 2 announced (first 203.0.113.0/24), 0 withdrawn']);
    expect(written).toBe(1);
  });
});
