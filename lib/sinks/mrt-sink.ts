/**
 * The `mrt` sink (issue 6): every BGP message a neighbor receives (and, with `sent`, every one it
 * sends) as an RFC 6396 BGP4MP record, in files that rotate every `rotateSeconds` the way route
 * collectors' update files do (RouteViews: `updates.%Y%m%d.%H%M`, every 15 minutes), so the usual
 * MRT tools (bgpdump, bgpkit, pybgpstream) read them.
 *
 * Rotation follows the events' own times, not a timer: a record goes to the file of the period its
 * event falls in (periods are aligned to the epoch, so 900 s gives :00, :15, :30, :45 UTC), and the
 * previous file is closed when the first event of a new period is written. Files are opened for
 * appending, so a restart within a period adds to that period's file instead of truncating it.
 *
 * Each write() packs its records into one reused buffer and writes it with one call per file.
 * Only events carrying the message bytes (`raw`) are written; other events are read only to learn
 * the session's local address and whether it negotiated 4-octet AS. A received UPDATE is recorded
 * as it came off the wire, whatever import policies then made of it: from its 'update' event when
 * the neighbor has no import policies, else from its 'wire-update' (the 'update' events that come
 * out of the policies, `imported`, are not recorded).
 */
import fs from 'fs';
import path from 'path';
import type { Negotiated } from '../wire/session-outcome';
import type { EventPeer } from '../events/event-peer';
import type { SessionEvent } from '../events/events';
import { bgp4mpPeering, writeBgp4mpMessage, type Bgp4mpPeering } from '../mrt/bgp4mp-writer';
import { familyKey, type Message, type NlriList } from '../wire/types';
import { Writer } from '../wire/writer';
import type { SinkEvent, SinkWriter } from './sink';
import { DEFAULT_MRT_PATTERN, checkMrtPattern, mrtFileName } from '../mrt/file-name';

export interface MrtSinkOptions {
  /** Where the files go (created when missing). */
  readonly directory: string;
  /** File names, strftime-like in UTC (mrt-file-name.ts); may hold subdirectories. Default `updates.%Y%m%d.%H%M`. */
  readonly pattern?: string;
  /** Length of one file's period in seconds. Default 900 (15 minutes). */
  readonly rotateSeconds?: number;
  /** Record the messages we send too (BGP4MP_MESSAGE_AS4_LOCAL). Default false. */
  readonly sent?: boolean;
  /**
   * BGP4MP_ET records, with microseconds (RFC 6396 §3; filled from the event time, which the daemon
   * takes in milliseconds). Default false: second resolution, like most collectors' files.
   */
  readonly microseconds?: boolean;
}

export const DEFAULT_MRT_ROTATE_SECONDS = 900;

/** What is wrong with the options, or undefined when they are usable. */
export function checkMrtSinkOptions(options: MrtSinkOptions): string | undefined {
  if (options.directory === '') return 'the directory is empty';
  const rotate = options.rotateSeconds ?? DEFAULT_MRT_ROTATE_SECONDS;
  if (!Number.isInteger(rotate) || rotate < 1) return `rotateSeconds ${rotate} must be a whole number of seconds, at least 1`;
  return checkMrtPattern(options.pattern ?? DEFAULT_MRT_PATTERN);
}

/**
 * What the sink learned of one neighbor's current session from the events it saw. Read before the
 * live session's state, because the queue delivers events late: by the time an UPDATE is written
 * the session that carried it may be gone.
 */
interface SessionSeen {
  /** From the last 'up'; dropped when a new connection or OPEN starts another session. */
  negotiated?: Negotiated;
  /** Whether the peer's last OPEN offered 4-octet AS (we always do, build-open.ts), so the session has it. */
  peerAsn4?: boolean;
  /** From the last 'connected' or 'up'. */
  localAddress?: string;
  /** The peering last encoded, and the local address it was built with. */
  peering?: Bgp4mpPeering;
  peeringLocal?: string;
}

export class MrtSinkWriter implements SinkWriter {
  private readonly directory: string;
  private readonly pattern: string;
  private readonly rotateSeconds: number;
  private readonly sent: boolean;
  private readonly microseconds: boolean;
  /** One buffer reused for every batch: a write() is finished with it before the next starts. */
  private readonly scratch = new Writer(64 * 1024);
  private readonly seen = new WeakMap<EventPeer, SessionSeen>();
  private file: { readonly path: string; readonly period: number; readonly handle: fs.promises.FileHandle } | undefined;
  /** write() and close() run one after the other, even when a caller does not wait. */
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  /** Throws an Error when the options are not usable (checkMrtSinkOptions). */
  constructor(options: MrtSinkOptions) {
    const problem = checkMrtSinkOptions(options);
    if (problem) throw new Error(`mrt sink: ${problem}`);
    this.directory = options.directory;
    this.pattern = options.pattern ?? DEFAULT_MRT_PATTERN;
    this.rotateSeconds = options.rotateSeconds ?? DEFAULT_MRT_ROTATE_SECONDS;
    this.sent = options.sent ?? false;
    this.microseconds = options.microseconds ?? false;
  }

  /** The file being written, if one is open. */
  get currentFile(): string | undefined {
    return this.file?.path;
  }

  /** Resolves with the number of records written (one per event that carries a message to record). */
  write(events: readonly SinkEvent[]): Promise<number> {
    return this.serialize(() => this.writeNow(events));
  }

  close(): Promise<void> {
    return this.serialize(async () => {
      this.closed = true;
      await this.closeFile();
    });
  }

  private serialize<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async writeNow(events: readonly SinkEvent[]): Promise<number> {
    if (this.closed) throw new Error('mrt sink: write after close');
    const w = this.scratch.reset();
    let period = -1;
    let records = 0;
    for (const { neighbor, event, time } of events) {
      this.learn(neighbor, event);
      const wire = wireMessage(event);
      if (!wire) continue;
      const local = wire.direction === 'send';
      if (local && !this.sent) continue;
      const eventPeriod = this.periodOf(time);
      if (eventPeriod !== period) {
        if (w.pos > 0) {
          await this.append(period, w.view());
          w.reset();
        }
        period = eventPeriod;
      }
      const seen = this.seenOf(neighbor);
      const live = neighbor.session.negotiatedSession;
      const negotiated = seen.negotiated ?? live;
      writeBgp4mpMessage(w, this.peeringOf(neighbor, seen), time, wire.raw, {
        local,
        asn4: seen.negotiated?.asn4 ?? seen.peerAsn4 ?? live?.asn4 ?? true,
        addPath: carriesPathIds(wire.message, local ? negotiated?.addPathSend : undefined),
        extendedTime: this.microseconds,
      });
      records++;
    }
    if (w.pos > 0) await this.append(period, w.view());
    return records;
  }

  /** Start (epoch seconds) of the period an event time (ms) falls in. */
  private periodOf(time: number): number {
    const seconds = Math.floor(time / 1000);
    return seconds - (((seconds % this.rotateSeconds) + this.rotateSeconds) % this.rotateSeconds);
  }

  private seenOf(neighbor: EventPeer): SessionSeen {
    let seen = this.seen.get(neighbor);
    if (!seen) this.seen.set(neighbor, (seen = {}));
    return seen;
  }

  /** Keeps what later records need from the session events (see SessionSeen). */
  private learn(neighbor: EventPeer, event: SessionEvent): void {
    switch (event.kind) {
      case 'connected': {
        const seen = this.seenOf(neighbor);
        seen.negotiated = undefined;
        seen.peerAsn4 = undefined;
        if (event.localAddress) seen.localAddress = event.localAddress;
        return;
      }
      case 'up': {
        const seen = this.seenOf(neighbor);
        seen.negotiated = event.negotiated;
        if (event.localAddress) seen.localAddress = event.localAddress;
        return;
      }
      case 'message':
        if (event.direction === 'receive' && event.message.type === 'open') {
          const seen = this.seenOf(neighbor);
          seen.negotiated = undefined;
          seen.peerAsn4 = event.message.capabilities.some((c) => c.kind === 'asn4');
        }
        return;
      default:
        return;
    }
  }

  /**
   * The neighbor's peering as records name it, rebuilt only when the local address changes. The
   * local address: the one the events reported, else the live connection's, else the configured
   * one, else unspecified.
   */
  private peeringOf(neighbor: EventPeer, seen: SessionSeen): Bgp4mpPeering {
    const local = seen.localAddress ?? neighbor.session.connection?.localAddress ?? neighbor.endpoint.localAddress;
    if (!seen.peering || seen.peeringLocal !== local) {
      const { peerAs, localAs } = neighbor.settings;
      try {
        seen.peering = bgp4mpPeering(peerAs, localAs, neighbor.endpoint.peerAddress, local);
      } catch (e) {
        throw new Error(`mrt sink: neighbor ${neighbor.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      seen.peeringLocal = local;
    }
    return seen.peering;
  }

  /** Appends bytes to the file of `period`, rotating to it first when another file is open. */
  private async append(period: number, bytes: Buffer): Promise<void> {
    if (this.file?.period !== period) {
      await this.closeFile();
      const file = path.join(this.directory, mrtFileName(this.pattern, period));
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      this.file = { path: file, period, handle: await fs.promises.open(file, 'a') };
    }
    // appendFile goes on until every byte is written (a single write() may be partial).
    await this.file.handle.appendFile(bytes);
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    await file?.handle.close();
  }
}

/** The message an event carries as it crossed the wire, if it carries one. */
function wireMessage(event: SessionEvent): { readonly message: Message; readonly raw: Buffer; readonly direction: 'receive' | 'send' } | undefined {
  switch (event.kind) {
    case 'wire-update':
      return { message: event.message, raw: event.raw, direction: 'receive' };
    case 'update':
      // What import policies made of a received UPDATE: its 'wire-update' is the one recorded.
      if (event.imported) return undefined;
      return event.raw ? { message: event.message, raw: event.raw, direction: event.direction } : undefined;
    case 'message':
      return event.raw ? { message: event.message, raw: event.raw, direction: event.direction } : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether the message's NLRI carry RFC 7911 path identifiers (the RFC 8050 ADDPATH subtypes). A
 * received UPDATE says so itself: the decoder kept the identifiers. A sent one may leave them
 * out (they are sent as 0), so the families we send path identifiers for decide.
 */
function carriesPathIds(message: Message, sendFamilies: ReadonlySet<number> | undefined): boolean {
  if (message.type !== 'update') return false;
  const withIds = (list: NlriList) =>
    list.prefixes.length > 0 && (list.pathIds !== undefined || sendFamilies?.has(familyKey(list.afi, list.safi)) === true);
  return message.announced.some(withIds) || message.withdrawn.some(withIds);
}
