/**
 * Which events one sink takes, decided from that sink's own config alone: one sink's settings never
 * change another's output (issue 11). Sessions report some events only because some consumer asked
 * for them (sent UPDATEs and KEEPALIVEs, when a helper has api.send or an MRT sink has `sent`), and
 * some only when import policies run (the wire's copy of a received UPDATE): each sink takes those
 * only when it asked for them itself.
 */
import type { EventPeer } from '../events/event-peer';
import type { SessionEvent } from '../events/events';
import { sinkKindOf, type SinkEventKind } from '../events/event-kind';

/** Without "events" in its filter a sink takes what ExaBGP's JSON output carries by default. */
export const DEFAULT_SINK_EVENTS: readonly SinkEventKind[] = ['update', 'state', 'notification'];

/** An MRT sink records every message (and needs the state events for the session's addresses). */
export const MRT_SINK_EVENTS: readonly SinkEventKind[] = ['update', 'open', 'keepalive', 'notification', 'refresh', 'state'];

/** One sink's filter, as its config says (lib/daemon/configured-sinks.ts reads it from there). */
export interface SinkFilterOptions {
  /** Event kinds it takes (its default when absent: MRT_SINK_EVENTS for a wire sink, else DEFAULT_SINK_EVENTS). */
  readonly events?: readonly SinkEventKind[];
  /** Neighbor names or peer addresses it takes (all when absent). */
  readonly neighbors?: readonly string[];
  /** Records the wire (an MRT sink). */
  readonly wire: boolean;
  /** Takes what we send too (an MRT sink's `sent`). */
  readonly sent: boolean;
}

export class SinkFilter {
  private readonly kinds: ReadonlySet<SinkEventKind>;
  private readonly neighbors: ReadonlySet<string> | undefined;
  /**
   * Records the wire (MRT, RFC 6396): received UPDATEs as they came, before any import policy
   * ('wire-update'), never what the policies made of them.
   */
  private readonly wire: boolean;
  /** Takes what we send: every message for a wire sink, else the sent UPDATEs and KEEPALIVEs too. */
  private readonly sent: boolean;

  constructor(opts: SinkFilterOptions) {
    this.kinds = new Set(opts.events ?? (opts.wire ? MRT_SINK_EVENTS : DEFAULT_SINK_EVENTS));
    this.neighbors = opts.neighbors ? new Set(opts.neighbors) : undefined;
    this.wire = opts.wire;
    this.sent = opts.wire && opts.sent;
  }

  takes(neighbor: EventPeer, event: SessionEvent): boolean {
    const kind = sinkKindOf(event);
    if (!kind || !this.kinds.has(kind)) return false;
    if (this.neighbors && !this.neighbors.has(neighbor.name) && !this.neighbors.has(neighbor.endpoint.peerAddress)) return false;
    switch (event.kind) {
      case 'wire-update':
        return this.wire;
      case 'update':
        if (event.direction === 'send') return this.sent;
        // A wire sink has the message from its 'wire-update'.
        return !(this.wire && event.imported);
      case 'message':
        if (event.direction === 'receive' || this.sent) return true;
        // Sent OPENs, NOTIFICATIONs and ROUTE-REFRESHes are always reported (ExaBGP's JSON carries
        // NOTIFICATIONs both ways); KEEPALIVEs only on demand. A wire sink records sent ones only with `sent`.
        return !this.wire && event.message.type !== 'keepalive';
      default:
        return true;
    }
  }
}
