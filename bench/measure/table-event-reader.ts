/**
 * Reads rxbgp's stdout as an ExaBGP-API consumer would, for a table of both families: one
 * JSON.parse per event line, the `announce` / `withdraw` lists of "ipv4 unicast" and "ipv6 unicast"
 * walked into a TableTally, `state` events into a SessionWatch. For a few sampled prefixes the
 * UPDATE's `attribute` object is kept, to compare with the generator afterwards. Format (4.0.1):
 *   {"type":"update","neighbor":{...,"direction":"receive","message":{"update":{
 *      "attribute":{"origin":"igp","as-path":[..],...},
 *      "announce":{"ipv6 unicast":{"2001:db8::1":[{"nlri":"2a00::/32"},...]}},
 *      "withdraw":{"ipv4 unicast":[{"nlri":"10.0.0.0/24"}]}}}}}
 */
import type { SessionWatch } from './session-watch';
import type { TableTally } from './table-tally';

type NlriList = ReadonlyArray<{ readonly nlri?: unknown }>;

interface ExaUpdate {
  readonly attribute?: unknown;
  readonly announce?: Readonly<Record<string, Readonly<Record<string, NlriList>>>>;
  readonly withdraw?: Readonly<Record<string, NlriList>>;
}

interface ExaEvent {
  readonly type?: unknown;
  readonly neighbor?: {
    readonly state?: unknown;
    readonly reason?: unknown;
    readonly direction?: unknown;
    readonly message?: { readonly update?: ExaUpdate };
  };
}

const IPV4 = 'ipv4 unicast';
const IPV6 = 'ipv6 unicast';

export class TableEventReader {
  readonly eventCounts = new Map<string, number>();
  strayLines = 0;
  /** Updates that announced or withdrew a family other than IPv4/IPv6 unicast. */
  otherFamilies = 0;
  /** The `attribute` object of the last UPDATE that announced each sampled prefix. */
  readonly sampled = new Map<number, unknown>();
  private readonly wanted: ReadonlySet<number>;

  constructor(
    private readonly tally: TableTally,
    private readonly session: SessionWatch,
    samples: readonly number[],
  ) {
    this.wanted = new Set(samples);
  }

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
    if (update.announce) this.readAnnounce(update.announce, update.attribute);
    if (update.withdraw) this.readWithdraw(update.withdraw);
  }

  private readAnnounce(announce: Readonly<Record<string, Readonly<Record<string, NlriList>>>>, attribute: unknown): void {
    for (const family of Object.keys(announce)) {
      const ipv6 = family === IPV6;
      if (!ipv6 && family !== IPV4) {
        this.otherFamilies++;
        continue;
      }
      const byNextHop = announce[family]!;
      for (const nextHop of Object.keys(byNextHop)) {
        const list = byNextHop[nextHop]!;
        for (let k = 0; k < list.length; k++) {
          const i = this.tally.announce(ipv6, String(list[k]!.nlri));
          if (i >= 0 && this.wanted.has(i)) this.sampled.set(i, attribute);
        }
      }
    }
  }

  private readWithdraw(withdraw: Readonly<Record<string, NlriList>>): void {
    for (const family of Object.keys(withdraw)) {
      const ipv6 = family === IPV6;
      if (!ipv6 && family !== IPV4) {
        this.otherFamilies++;
        continue;
      }
      const list = withdraw[family]!;
      for (let k = 0; k < list.length; k++) this.tally.withdraw(ipv6, String(list[k]!.nlri));
    }
  }
}
