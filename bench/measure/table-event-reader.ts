/**
 * Reads rxbgp's stdout for a table of both families (exabgp-json-lines.ts): the "ipv4 unicast" and
 * "ipv6 unicast" prefixes of received UPDATEs into a TableTally, `state` events into a
 * SessionWatch. For a few sampled prefixes the UPDATE's `attribute` object is kept, to compare
 * with the generator afterwards.
 */
import { ExabgpJsonLines, type ExaUpdate } from './exabgp-json-lines';
import type { SessionWatch } from './session-watch';
import type { TableTally } from './table-tally';

/** Family index 1 in the reader's list below. */
const IPV6 = 1;

export class TableEventReader extends ExabgpJsonLines {
  /** The `attribute` object of the last UPDATE that announced each sampled prefix. */
  readonly sampled = new Map<number, unknown>();
  private readonly wanted: ReadonlySet<number>;

  constructor(
    private readonly tally: TableTally,
    private readonly session: SessionWatch,
    samples: readonly number[],
  ) {
    super(['ipv4 unicast', 'ipv6 unicast']);
    this.wanted = new Set(samples);
  }

  protected peerOf(): number {
    return 0;
  }

  protected state(_peer: number, state: unknown, reason: string): void {
    if (state === 'up') this.session.markUp();
    else if (state === 'down') this.session.markDown(`rxbgp: state down ${reason}`.trim());
  }

  protected announced(_peer: number, family: number, nlri: string, update: ExaUpdate): void {
    const i = this.tally.announce(family === IPV6, nlri);
    if (i >= 0 && this.wanted.has(i)) this.sampled.set(i, update.attribute);
  }

  protected withdrawn(_peer: number, family: number, nlri: string): void {
    this.tally.withdraw(family === IPV6, nlri);
  }
}
