/**
 * Turns session events into ExaBGP 4.0.1 JSON lines (the format ExaBGP helper scripts read)
 * and writes them to stdout, a file, or nowhere. JSON is built only when there is a writer.
 */
import { jsonNeighbor, receiveContext } from './json-neighbor';
import * as fs from 'fs';
import type { SessionEvent } from '../session/events';
import type { Neighbor } from '../session/neighbor';
import {
  defaultEnvelopeSource,
  messageJson,
  stateJson,
  updateJson,
  type JsonEnvelopeSource,
} from '../api/exabgp-json';

export interface EventWriter {
  write(line: string): void;
  close(): Promise<void>;
}

/**
 * "stdout", "none" or a file path (appended). A reader that goes away (EPIPE) or a file that
 * cannot be written is reported once through onError and output stops; sessions go on.
 */
export function openEventWriter(output: string, onError: (message: string) => void = () => undefined): EventWriter | undefined {
  if (output === 'none') return undefined;
  const stream: NodeJS.WritableStream = output === 'stdout' ? process.stdout : fs.createWriteStream(output, { flags: 'a' });
  let broken = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    onError(`event output ${output} failed (${err.code ?? err.message}): no more JSON events will be written`);
  });
  // Lines of one event-loop turn go out in one write (a full-table burst is thousands of events).
  let pending: string[] = [];
  let pendingBytes = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    pendingBytes = 0;
    if (!broken) stream.write(text);
  };
  return {
    write: (line) => {
      if (broken) return;
      pending.push(line + '\n');
      pendingBytes += line.length + 1;
      if (pendingBytes >= FLUSH_BYTES) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    close: () => {
      flush();
      return output === 'stdout' || broken ? Promise.resolve() : new Promise((resolve) => (stream as fs.WriteStream).end(() => resolve()));
    },
  };
}

/** Flush a batch of event lines early once it reaches this size. */
const FLUSH_BYTES = 256 * 1024;

export class EventOutput {
  /** ExaBGP numbers events per neighbor ("counter"), so each neighbor has its own source. */
  private readonly sources = new WeakMap<Neighbor, JsonEnvelopeSource>();

  constructor(
    private readonly writer: EventWriter,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  emit(neighbor: Neighbor, e: SessionEvent): void {
    let line: string | undefined;
    try {
      line = this.toJson(neighbor, e);
    } catch (err) {
      this.onError(`${neighbor.name}: cannot write the ${e.kind} event as JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (line !== undefined) this.writer.write(line);
  }

  private source(neighbor: Neighbor): JsonEnvelopeSource {
    let src = this.sources.get(neighbor);
    if (!src) this.sources.set(neighbor, (src = defaultEnvelopeSource()));
    return src;
  }

  private toJson(neighbor: Neighbor, e: SessionEvent): string | undefined {
    const n = jsonNeighbor(neighbor);
    const src = this.source(neighbor);
    switch (e.kind) {
      case 'connected':
        return stateJson(src, { ...n, localAddress: e.localAddress || n.localAddress }, 'connected');
      case 'up':
        return stateJson(src, { ...n, localAddress: e.localAddress || n.localAddress }, 'up');
      case 'down':
        return stateJson(src, n, 'down', e.reason);
      case 'update':
        // stdout carries what the peer sent; sent UPDATEs are for helpers that asked (api.send).
        return e.direction === 'receive' ? updateJson(src, n, e.message, e.direction, receiveContext(neighbor)) : undefined;
      case 'message':
        // NOTIFICATIONs in both directions; OPEN/KEEPALIVE/REFRESH come with the process API's "receive" options.
        return e.message.type === 'notification' ? messageJson(src, n, e.message, e.direction) : undefined;
      default:
        return undefined;
    }
  }
}
