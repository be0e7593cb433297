/**
 * The `log` sink: one log line per event of interest, never per prefix: session state changes,
 * NOTIFICATIONs, and per UPDATE how many prefixes it announced and withdrew (with its first
 * prefix, for grepping). Goes through the daemon's logger (winston), at info level (NOTIFICATIONs
 * and sessions going down at warn).
 */
import type { Log } from '../session/log';
import { formatIpv4Packed, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import { notificationText } from '../wire/notification';
import type { SinkEvent, SinkWriter } from './sink';

export class LogWriter implements SinkWriter {
  constructor(
    private readonly log: Log,
    private readonly name: string,
  ) {}

  async write(events: readonly SinkEvent[]): Promise<void> {
    for (const e of events) this.line(e);
  }

  async close(): Promise<void> {}

  private line({ neighbor, event: e }: SinkEvent): void {
    const who = `sink ${this.name}: ${neighbor.name}`;
    switch (e.kind) {
      case 'up':
        return this.log.info(`${who}: session up`);
      case 'down':
        return this.log.warn(`${who}: session down: ${e.reason}`);
      case 'fsm':
        return this.log.info(`${who}: ${e.from} -> ${e.to}`);
      case 'update': {
        let announced = 0;
        let withdrawn = 0;
        let first: string | undefined;
        for (const l of e.message.announced) {
          announced += nlriCount(l);
          // The first prefix only: reading `prefixes` of a packed list would make text for all of it.
          const packed = packedIpv4Of(l);
          first ??= packed ? (packed.length ? formatIpv4Packed(packed[0]) : undefined) : l.prefixes[0];
        }
        for (const l of e.message.withdrawn) withdrawn += nlriCount(l);
        const dir = e.direction === 'receive' ? 'received' : 'sent';
        const eor = announced === 0 && withdrawn === 0 ? ' (End-of-RIB)' : '';
        return this.log.info(`${who}: update ${dir}: ${announced} announced${first ? ` (first ${first})` : ''}, ${withdrawn} withdrawn${eor}`);
      }
      case 'message':
        if (e.message.type === 'notification') {
          const m = e.message;
          const shutdown = m.shutdownMessage ? ` "${m.shutdownMessage}"` : '';
          return this.log.warn(`${who}: NOTIFICATION ${e.direction === 'receive' ? 'received' : 'sent'}: ${notificationText(m.code, m.subcode)}${shutdown}`);
        }
        return this.log.info(`${who}: ${e.message.type} ${e.direction === 'receive' ? 'received' : 'sent'}`);
      default:
        return;
    }
  }
}
