/**
 * Per-neighbor message and prefix counters, kept by its sessions (every session of the neighbor,
 * one after another, adds to the same counters) and read by metrics (lib/metrics).
 */
import type { Message } from '../wire/types';
import { nlriCount } from '../wire/nlri/packed-ipv4';

export type MessageKind = Message['type'];

export class NeighborCounters {
  readonly received = new Map<MessageKind, number>();
  readonly sent = new Map<MessageKind, number>();
  prefixesReceived = { announced: 0, withdrawn: 0 };
  prefixesSent = { announced: 0, withdrawn: 0 };

  receivedMessage(m: Message): void {
    this.received.set(m.type, (this.received.get(m.type) ?? 0) + 1);
    if (m.type !== 'update') return;
    for (const l of m.announced) this.prefixesReceived.announced += nlriCount(l);
    for (const l of m.withdrawn) this.prefixesReceived.withdrawn += nlriCount(l);
  }

  sentMessages(kind: MessageKind, count = 1): void {
    this.sent.set(kind, (this.sent.get(kind) ?? 0) + count);
  }

  sentPrefixes(announced: number, withdrawn: number): void {
    this.prefixesSent.announced += announced;
    this.prefixesSent.withdrawn += withdrawn;
  }
}
