/**
 * Reads the JSON events rxbgp prints on stdout for many neighbors, as an ExaBGP-API consumer
 * would (one JSON.parse per line): received UPDATEs go into a PeerPrefixTally under the session
 * they came on (neighbor.address.peer), "state" events into PeerSessions. Format (ExaBGP 4.0.1):
 *   {"type":"update", "neighbor":{"address":{"local":"127.0.4.101","peer":"127.0.4.1"}, ...,
 *      "direction":"receive", "message":{"update":{"announce":{"ipv4 unicast":{"<nh>":[{"nlri":"10.0.0.0/24"}]}}}}}}
 *   {"type":"state", "neighbor":{"address":{...}, ..., "state":"up"}}
 */
import type { ManyPeersLayout } from '../gen/many-peers-layout';
import type { PeerPrefixTally } from './peer-prefix-tally';
import type { PeerSessions } from './peer-sessions';

type NlriList = ReadonlyArray<{ readonly nlri?: unknown }>;

interface ExaEvent {
  readonly type?: unknown;
  readonly neighbor?: {
    readonly address?: { readonly peer?: unknown };
    readonly state?: unknown;
    readonly reason?: unknown;
    readonly direction?: unknown;
    readonly message?: {
      readonly update?: {
        readonly announce?: Readonly<Record<string, Readonly<Record<string, NlriList>>>>;
        readonly withdraw?: Readonly<Record<string, NlriList>>;
      };
    };
  };
}

const FAMILY = 'ipv4 unicast';

export class ManyPeersEventReader {
  /** Event lines read, by type. */
  readonly eventCounts = new Map<string, number>();
  /** stdout lines that were not JSON events. */
  strayLines = 0;
  /** Updates that announced or withdrew in another family than IPv4 unicast. */
  otherFamilies = 0;
  /** Events naming a peer address that is not one of the layout's. */
  unknownPeers = 0;

  constructor(
    private readonly layout: ManyPeersLayout,
    private readonly tally: PeerPrefixTally,
    private readonly sessions: PeerSessions,
  ) {}

  line(text: string): void {
    let event: ExaEvent;
    try {
      event = JSON.parse(text) as ExaEvent;
    } catch {
      this.strayLines++;
      return;
    }
    const type = typeof event.type === 'string' ? event.type : '?';
    this.eventCounts.set(type, (this.eventCounts.get(type) ?? 0) + 1);
    const neighbor = event.neighbor;
    if (!neighbor) return;
    const peer = this.layout.peerIndexOf(String(neighbor.address?.peer));
    if (peer < 0) {
      this.unknownPeers++;
      return;
    }
    if (type === 'state') {
      if (neighbor.state === 'up') this.sessions.markUp(peer);
      else if (neighbor.state === 'down') {
        const reason = String(neighbor.reason ?? '');
        this.sessions.markDown(peer, `rxbgp: state down ${reason}`.trim());
        // rxbgp's own timer (RFC 4271 §6.5); one that fired on the peer's side shows as a NOTIFICATION 4/0 on stderr.
        if (/hold timer expired/i.test(reason)) this.sessions.markHoldTimerExpired(peer);
      }
      return;
    }
    if (type !== 'update' || neighbor.direction !== 'receive') return;
    const update = neighbor.message?.update;
    if (!update) return; // End-of-RIB
    if (update.announce) this.readAnnounce(peer, update.announce);
    if (update.withdraw) this.readWithdraw(peer, update.withdraw);
  }

  private readAnnounce(peer: number, announce: Readonly<Record<string, Readonly<Record<string, NlriList>>>>): void {
    for (const family of Object.keys(announce)) {
      if (family !== FAMILY) {
        this.otherFamilies++;
        continue;
      }
      const byNextHop = announce[family]!;
      for (const nextHop of Object.keys(byNextHop)) {
        const list = byNextHop[nextHop]!;
        for (let i = 0; i < list.length; i++) this.tally.announce(peer, String(list[i]!.nlri));
      }
    }
  }

  private readWithdraw(peer: number, withdraw: Readonly<Record<string, NlriList>>): void {
    for (const family of Object.keys(withdraw)) {
      if (family !== FAMILY) {
        this.otherFamilies++;
        continue;
      }
      const list = withdraw[family]!;
      for (let i = 0; i < list.length; i++) this.tally.withdraw(peer, String(list[i]!.nlri));
    }
  }
}
