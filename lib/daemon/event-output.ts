/**
 * Turns session events into ExaBGP 4.0.1 JSON lines (the format ExaBGP helper scripts read)
 * and writes them to stdout, a file, or nowhere. JSON is built only when there is a writer.
 */
import * as fs from 'fs';
import type { SessionEvent } from '../session/events';
import type { Neighbor } from '../session/neighbor';
import {
  defaultEnvelopeSource,
  messageJson,
  stateJson,
  updateJson,
  type JsonEnvelopeSource,
  type JsonNeighbor,
} from '../api/exabgp-json';

export interface EventWriter {
  write(line: string): void;
  close(): Promise<void>;
}

/** "stdout", "none" or a file path (appended). */
export function openEventWriter(output: string): EventWriter | undefined {
  if (output === 'none') return undefined;
  if (output === 'stdout') {
    return {
      write: (line) => void process.stdout.write(line + '\n'),
      close: () => Promise.resolve(),
    };
  }
  const stream = fs.createWriteStream(output, { flags: 'a' });
  return {
    write: (line) => void stream.write(line + '\n'),
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}

export class EventOutput {
  private readonly src: JsonEnvelopeSource = defaultEnvelopeSource();

  constructor(private readonly writer: EventWriter) {}

  emit(neighbor: Neighbor, e: SessionEvent): void {
    const line = this.toJson(neighbor, e);
    if (line !== undefined) this.writer.write(line);
  }

  private toJson(neighbor: Neighbor, e: SessionEvent): string | undefined {
    const n = jsonNeighbor(neighbor);
    switch (e.kind) {
      case 'connected':
        return stateJson(this.src, { ...n, localAddress: e.localAddress || n.localAddress }, 'connected');
      case 'up':
        return stateJson(this.src, { ...n, localAddress: e.localAddress || n.localAddress }, 'up');
      case 'down':
        return stateJson(this.src, n, 'down', e.reason);
      case 'update':
        return updateJson(this.src, n, e.message, e.direction);
      case 'message':
        // NOTIFICATIONs in both directions; OPEN/KEEPALIVE/REFRESH come with the process API's "receive" options.
        return e.message.type === 'notification' ? messageJson(this.src, n, e.message, e.direction) : undefined;
      default:
        return undefined;
    }
  }
}

function jsonNeighbor(neighbor: Neighbor): JsonNeighbor {
  const conn = neighbor.session.connection;
  return {
    localAddress: conn?.localAddress ?? neighbor.endpoint.localAddress ?? '',
    peerAddress: neighbor.endpoint.peerAddress,
    localAs: neighbor.settings.localAs,
    peerAs: neighbor.settings.peerAs,
    routerId: neighbor.settings.routerId,
  };
}
