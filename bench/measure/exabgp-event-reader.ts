/**
 * Reads rxbgp's stdout as an ExaBGP-API consumer would: one JSON.parse per event line, then the
 * `announce` / `withdraw` lists of received UPDATEs walked into a PrefixTally, and `state` events
 * into a SessionWatch. Format (ExaBGP 4.0.1):
 *   {"type":"update", "neighbor":{..., "direction":"receive", "message":{"update":{
 *      "announce":{"ipv4 unicast":{"<next hop>":[{"nlri":"10.0.0.0/24"}, ...]}},
 *      "withdraw":{"ipv4 unicast":[{"nlri":"10.0.0.0/24"}]}}}}}
 *   {"type":"state", "neighbor":{..., "state":"up"}}
 */
import type { PrefixTally } from './prefix-tally';
import type { SessionWatch } from './session-watch';

type NlriList = ReadonlyArray<{ readonly nlri?: unknown }>;

interface ExaEvent {
  readonly type?: unknown;
  readonly neighbor?: {
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

export class ExabgpEventReader {
  /** Event lines read, by type. */
  readonly eventCounts = new Map<string, number>();
  /** stdout lines that were not JSON events (the CLI contract says there are none). */
  strayLines = 0;
  /** Update events that announced or withdrew in another family than IPv4 unicast. */
  otherFamilies = 0;

  constructor(
    private readonly tally: PrefixTally,
    private readonly session: SessionWatch,
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
    if (type === 'state') {
      if (neighbor.state === 'up') this.session.markUp();
      else if (neighbor.state === 'down') this.session.markDown(`rxbgp: state down ${String(neighbor.reason ?? '')}`.trim());
      return;
    }
    if (type !== 'update' || neighbor.direction !== 'receive') return;
    const update = neighbor.message?.update;
    if (!update) return; // End-of-RIB
    this.readAnnounce(update.announce);
    this.readWithdraw(update.withdraw);
  }

  private readAnnounce(announce: Readonly<Record<string, Readonly<Record<string, NlriList>>>> | undefined): void {
    if (!announce) return;
    for (const family of Object.keys(announce)) {
      if (family !== FAMILY) {
        this.otherFamilies++;
        continue;
      }
      const byNextHop = announce[family]!;
      for (const nextHop of Object.keys(byNextHop)) {
        const list = byNextHop[nextHop]!;
        for (let i = 0; i < list.length; i++) this.tally.announce(String(list[i]!.nlri));
      }
    }
  }

  private readWithdraw(withdraw: Readonly<Record<string, NlriList>> | undefined): void {
    if (!withdraw) return;
    for (const family of Object.keys(withdraw)) {
      if (family !== FAMILY) {
        this.otherFamilies++;
        continue;
      }
      const list = withdraw[family]!;
      for (let i = 0; i < list.length; i++) this.tally.withdraw(String(list[i]!.nlri));
    }
  }
}
