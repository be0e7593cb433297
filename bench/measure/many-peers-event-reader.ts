/**
 * Reads the JSON events rxbgp prints on stdout for many neighbors (exabgp-json-lines.ts): the IPv4
 * unicast prefixes of received UPDATEs go into a PeerPrefixTally under the session they came on
 * (neighbor.address.peer), "state" events into PeerSessions.
 */
import type { ManyPeersLayout } from '../gen/many-peers-layout';
import { ExabgpJsonLines, type ExaNeighbor } from './exabgp-json-lines';
import type { PeerPrefixTally } from './peer-prefix-tally';
import type { PeerSessions } from './peer-sessions';

export class ManyPeersEventReader extends ExabgpJsonLines {
  /** Events naming a peer address that is not one of the layout's. */
  unknownPeers = 0;

  constructor(
    private readonly layout: ManyPeersLayout,
    private readonly tally: PeerPrefixTally,
    private readonly sessions: PeerSessions,
  ) {
    super(['ipv4 unicast']);
  }

  protected peerOf(neighbor: ExaNeighbor): number {
    const peer = this.layout.peerIndexOf(String(neighbor.address?.peer));
    if (peer < 0) this.unknownPeers++;
    return peer;
  }

  protected state(peer: number, state: unknown, reason: string): void {
    if (state === 'up') this.sessions.markUp(peer);
    else if (state === 'down') {
      this.sessions.markDown(peer, `rxbgp: state down ${reason}`.trim());
      // rxbgp's own timer (RFC 4271 §6.5); one that fired on the peer's side shows as a NOTIFICATION 4/0 on stderr.
      if (/hold timer expired/i.test(reason)) this.sessions.markHoldTimerExpired(peer);
    }
  }

  protected announced(peer: number, _family: number, nlri: string): void {
    this.tally.announce(peer, nlri);
  }

  protected withdrawn(peer: number, _family: number, nlri: string): void {
    this.tally.withdraw(peer, nlri);
  }
}
