/**
 * The `log` sink: one log line per event of interest, never per prefix: session state changes,
 * NOTIFICATIONs, and per UPDATE how many prefixes it announced and withdrew (with its first
 * prefix, for grepping), or which family's End-of-RIB it is (RFC 4724 §2). Goes through the daemon's logger (winston), at info level (NOTIFICATIONs
 * and sessions going down at warn).
 */
import type { Log } from '../events/log';
import { nlriTextAt } from '../families/nlri-text';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import { notificationText } from '../wire/notification';
import { endOfRib } from '../wire/end-of-rib';
import { familyName } from '../wire/family-names';
import type { SinkEvent, SinkWriter } from './sink';

export class LogWriter implements SinkWriter {
  constructor(
    private readonly log: Log,
    private readonly name: string,
  ) {}

  async write(events: readonly SinkEvent[]): Promise<number> {
    let logged = 0;
    for (const e of events) if (this.line(e)) logged++;
    return logged;
  }

  async close(): Promise<void> {}

  /** Logs the event's line; false for an event this sink says nothing about. */
  private line({ neighbor, event: e }: SinkEvent): boolean {
    const who = `sink ${this.name}: ${neighbor.name}`;
    switch (e.kind) {
      case 'up':
        this.log.info(`${who}: session up`);
        return true;
      case 'down':
        this.log.warn(`${who}: session down: ${e.reason}`);
        return true;
      case 'fsm':
        this.log.info(`${who}: ${e.from} -> ${e.to}`);
        return true;
      case 'update': {
        const dir = e.direction === 'receive' ? 'received' : 'sent';
        const eor = endOfRib(e.message);
        if (eor) {
          this.log.info(`${who}: update ${dir}: End-of-RIB ${familyName(eor.afi, eor.safi)}`);
          return true;
        }
        let announced = 0;
        let withdrawn = 0;
        let first: string | undefined;
        for (const l of e.message.announced) {
          announced += nlriCount(l);
          // The first NLRI only: reading `prefixes` of a packed list would make text for all of it.
          if (first === undefined && nlriCount(l) > 0) first = nlriTextAt(l, 0);
        }
        for (const l of e.message.withdrawn) withdrawn += nlriCount(l);
        this.log.info(`${who}: update ${dir}: ${announced} announced${first ? ` (first ${first})` : ''}, ${withdrawn} withdrawn`);
        return true;
      }
      case 'message':
        if (e.message.type === 'notification') {
          const m = e.message;
          const shutdown = m.shutdownMessage ? ` "${m.shutdownMessage}"` : '';
          this.log.warn(`${who}: NOTIFICATION ${e.direction === 'receive' ? 'received' : 'sent'}: ${notificationText(m.code, m.subcode)}${shutdown}`);
        } else this.log.info(`${who}: ${e.message.type} ${e.direction === 'receive' ? 'received' : 'sent'}`);
        return true;
      default:
        return false;
    }
  }
}
