/**
 * Reads rxbgp's stdout for one session as an ExaBGP-API consumer would (exabgp-json-lines.ts):
 * the IPv4 unicast prefixes of received UPDATEs into a PrefixTally, `state` events into a
 * SessionWatch.
 */
import { ExabgpJsonLines } from './exabgp-json-lines';
import type { PrefixTally } from './prefix-tally';
import type { SessionWatch } from './session-watch';

export class ExabgpEventReader extends ExabgpJsonLines {
  constructor(
    private readonly tally: PrefixTally,
    private readonly session: SessionWatch,
  ) {
    super(['ipv4 unicast']);
  }

  protected peerOf(): number {
    return 0;
  }

  protected state(_peer: number, state: unknown, reason: string): void {
    if (state === 'up') this.session.markUp();
    else if (state === 'down') this.session.markDown(`rxbgp: state down ${reason}`.trim());
  }

  protected announced(_peer: number, _family: number, nlri: string): void {
    this.tally.announce(nlri);
  }

  protected withdrawn(_peer: number, _family: number, nlri: string): void {
    this.tally.withdraw(nlri);
  }
}
