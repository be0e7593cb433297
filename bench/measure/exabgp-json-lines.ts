/**
 * The one reader of ExaBGP 4.0.1 JSON event lines (what rxbgp prints on stdout, and what an
 * ExaBGP-API consumer reads): one JSON.parse per line, events counted by type, `state` events and
 * the `announce` / `withdraw` lists of received UPDATEs handed to the subclass per prefix. The
 * readers of the cases (exabgp-event-reader.ts, many-peers-event-reader.ts, table-event-reader.ts)
 * only say which session an event belongs to and where its prefixes go. Format:
 *   {"type":"update", "neighbor":{"address":{"local":"127.0.4.101","peer":"127.0.4.1"}, ...,
 *      "direction":"receive", "message":{"update":{"attribute":{...},
 *      "announce":{"ipv4 unicast":{"<next hop>":[{"nlri":"10.0.0.0/24"}, ...]}},
 *      "withdraw":{"ipv4 unicast":[{"nlri":"10.0.0.0/24"}]}}}}}
 *   {"type":"state", "neighbor":{"address":{...}, ..., "state":"up"}}
 */
type NlriList = ReadonlyArray<{ readonly nlri?: unknown }>;

export interface ExaUpdate {
  readonly attribute?: unknown;
  readonly announce?: Readonly<Record<string, Readonly<Record<string, NlriList>>>>;
  readonly withdraw?: Readonly<Record<string, NlriList>>;
}

export interface ExaNeighbor {
  readonly address?: { readonly peer?: unknown };
  readonly state?: unknown;
  readonly reason?: unknown;
  readonly direction?: unknown;
  readonly message?: { readonly update?: ExaUpdate };
}

interface ExaEvent {
  readonly type?: unknown;
  readonly neighbor?: ExaNeighbor;
}

export abstract class ExabgpJsonLines {
  /** Event lines read, by type. */
  readonly eventCounts = new Map<string, number>();
  /** Lines that were not JSON events (the CLI contract says there are none). */
  strayLines = 0;
  /** Family lists of UPDATEs in a family the reader was not given. */
  otherFamilies = 0;

  /** `families`: the ExaBGP family names counted ("ipv4 unicast", ...); the index is what the subclass gets. */
  constructor(private readonly families: readonly string[]) {}

  /** The session an event belongs to (a number the subclass chooses), or -1 to skip the event. */
  protected abstract peerOf(neighbor: ExaNeighbor): number;
  /** A `state` event: "up", "down" (with its reason), or another state. */
  protected abstract state(peer: number, state: unknown, reason: string): void;
  /** One announced prefix of family `families[family]`. */
  protected abstract announced(peer: number, family: number, nlri: string, update: ExaUpdate): void;
  /** One withdrawn prefix. */
  protected abstract withdrawn(peer: number, family: number, nlri: string): void;

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
    const peer = this.peerOf(neighbor);
    if (peer < 0) return;
    if (type === 'state') {
      this.state(peer, neighbor.state, String(neighbor.reason ?? ''));
      return;
    }
    if (type !== 'update' || neighbor.direction !== 'receive') return;
    const update = neighbor.message?.update;
    if (!update) return; // End-of-RIB
    if (update.announce) this.readAnnounce(peer, update);
    if (update.withdraw) this.readWithdraw(peer, update.withdraw);
  }

  private readAnnounce(peer: number, update: ExaUpdate): void {
    const announce = update.announce!;
    for (const name of Object.keys(announce)) {
      const family = this.families.indexOf(name);
      if (family < 0) {
        this.otherFamilies++;
        continue;
      }
      const byNextHop = announce[name]!;
      for (const nextHop of Object.keys(byNextHop)) {
        const list = byNextHop[nextHop]!;
        for (let i = 0; i < list.length; i++) this.announced(peer, family, String(list[i]!.nlri), update);
      }
    }
  }

  private readWithdraw(peer: number, withdraw: Readonly<Record<string, NlriList>>): void {
    for (const name of Object.keys(withdraw)) {
      const family = this.families.indexOf(name);
      if (family < 0) {
        this.otherFamilies++;
        continue;
      }
      const list = withdraw[name]!;
      for (let i = 0; i < list.length; i++) this.withdrawn(peer, family, String(list[i]!.nlri));
    }
  }
}
