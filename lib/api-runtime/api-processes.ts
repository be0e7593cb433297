/**
 * ExaBGP's process API: helper programs started with the daemon print text commands on their
 * stdout (answered `done` / `error` on their stdin unless they turned acks off) and receive the
 * events of the neighbors whose "api" block names them, as ExaBGP 4.0.1 JSON lines.
 * The helpers are one sink on the daemon's event bus (event-bus.ts): each event's lines are built
 * when it comes and wait in the helper's own bounded stdin queue (lib/api/process/line-feeder.ts),
 * behind and before the command answers in the order they happened. A helper never blocks the daemon.
 */
import { jsonNeighbor } from '../sinks/json-neighbor';
import type { EventSink } from '../sinks/sink';
import type { ApiMessageKind, Config, NeighborConfig, ProcessConfig } from '../config/types';
import { HelperProcess } from '../api/process/helper-process';
import {
  defaultEnvelopeSource,
  messageJson,
  negotiatedJson,
  stateJson,
  fsmJson,
  consolidatedJson,
  packetsJson,
  shutdownJson,
  signalJson,
  updateJson,
  type JsonEnvelopeSource,
  type JsonNeighbor,
} from '../api/exabgp-json';
import { headerBodyText, messageText, packetsText, shutdownText, stateText, updateText } from '../api/exabgp-text';
import type { SessionEvent } from '../events/events';
import { sinkKindOf } from '../events/event-kind';
import type { Log } from '../session/log';
import type { Neighbor } from '../neighbor/neighbor';
import type { CommandAnswer, CommandExecutor } from './command-executor';

type AckMode = 'enable' | 'disable' | 'silence';

interface Helper {
  readonly config: ProcessConfig;
  readonly process: HelperProcess;
  ack: AckMode;
  /** ExaBGP numbers events per neighbor within one helper's stream. */
  readonly sources: Map<Neighbor, JsonEnvelopeSource>;
  /** Set while a command answers later (a reload): the answers after it wait, so acks keep the commands' order. */
  acksWaiting?: Promise<void>;
}

/** A helper process's counters (metrics). */
export interface HelperStats {
  readonly queued: number;
  readonly dropped: number;
  readonly restarts: number;
  readonly running: boolean;
}

export class ApiProcesses implements EventSink<Neighbor> {
  private readonly helpers = new Map<string, Helper>();

  constructor(
    private readonly log: Log,
    private readonly executor: CommandExecutor,
    /** The config a neighbor runs with now (its "api" block says which helpers hear what). */
    private readonly configOf: (neighbor: Neighbor) => NeighborConfig | undefined,
  ) {}

  get names(): string[] {
    return [...this.helpers.keys()];
  }

  /** Starts the helpers of the config that are not running yet; stops the ones it no longer has. */
  async sync(config: Config): Promise<void> {
    const wanted = new Map(config.processes.map((p) => [p.name, p]));
    for (const [name, h] of this.helpers) {
      if (wanted.has(name) && JSON.stringify(wanted.get(name)) === JSON.stringify(h.config)) continue;
      this.helpers.delete(name);
      await h.process.stop();
    }
    for (const [name, p] of wanted) if (!this.helpers.has(name)) this.start(p);
  }

  /** Tells every helper the daemon is shutting down (ExaBGP's shutdown notification), then stops them. */
  async stop(): Promise<void> {
    const all = [...this.helpers.values()];
    this.helpers.clear();
    for (const h of all) h.process.write(h.config.encoder === 'json' ? shutdownJson(defaultEnvelopeSource()) : shutdownText());
    await Promise.all(all.map((h) => h.process.stop()));
  }

  /** Hands a neighbor's event to each helper its api block names, if it asked for that kind. */
  take(neighbor: Neighbor, e: SessionEvent): void {
    const api = this.configOf(neighbor)?.api;
    if (!api || api.processes.length === 0) return;
    for (const name of api.processes) {
      const h = this.helpers.get(name);
      if (!h) continue;
      const line = this.eventLine(h, neighbor, api, e);
      if (line === undefined) continue;
      for (const l of withPackets(line, h.config.encoder, api, e, () => this.source(h, neighbor), jsonNeighbor(neighbor))) h.process.write(l);
    }
  }

  /** Each helper's counters, by name (metrics). */
  stats(): Map<string, HelperStats> {
    const out = new Map<string, HelperStats>();
    for (const [name, h] of this.helpers) {
      const { queued, dropped, restarts, running } = h.process.stats;
      out.set(name, { queued, dropped, restarts, running });
    }
    return out;
  }

  private source(h: Helper, neighbor: Neighbor): JsonEnvelopeSource {
    let src = h.sources.get(neighbor);
    if (!src) h.sources.set(neighbor, (src = defaultEnvelopeSource()));
    return src;
  }

  /** ExaBGP tells the helpers of neighbors with `signal` in api.receive about signals the daemon got (JSON only). */
  signal(neighbor: Neighbor, api: NeighborConfig['api'], signal: NodeJS.Signals): void {
    if (!api.receive.includes('signal')) return;
    for (const name of api.processes) {
      const h = this.helpers.get(name);
      if (!h || h.config.encoder !== 'json') continue; // ExaBGP's text encoder prints nothing for signals
      h.process.write(signalJson(this.source(h, neighbor), jsonNeighbor(neighbor), signal));
    }
  }

  private start(config: ProcessConfig): void {
    const process = new HelperProcess(config, { log: this.log });
    const helper: Helper = { config, process, ack: 'enable', sources: new Map() };
    this.helpers.set(config.name, helper);
    process.lines$.subscribe((lines) => {
      // One chunk of helper output is applied as one batch (see CommandExecutor.flush).
      for (const line of lines) this.command(helper, line);
      this.executor.flush();
    });
    process.start();
    this.log.info(`process ${config.name}: started ${config.run.join(' ')}`);
  }

  /** One command line from a helper, answered per its ack mode (ExaBGP 4.x: acks on by default). */
  private command(h: Helper, raw: string): void {
    // ExaBGP answers an empty line with `error` too, so every line a helper prints gets one ack.
    const line = raw.trim();
    if (line === 'enable-ack' || line === 'disable-ack' || line === 'silence-ack') {
      const before = h.ack;
      h.ack = line === 'enable-ack' ? 'enable' : line === 'disable-ack' ? 'disable' : 'silence';
      // disable-ack is still acknowledged (with the mode before it); silence-ack is not.
      if (h.ack === 'silence' || (h.ack === 'disable' && before !== 'enable')) return;
      this.inOrder(h, { ok: true, lines: [] }, () => h.process.write('done'));
      return;
    }
    const answer = this.executor.execute(line, h.config.name, true);
    // Nearly every line is answered at once: no closure made for it (a flood is ~500 lines a chunk).
    if (!answer.final && !h.acksWaiting) return this.reply(h, line, h.ack, answer);
    const ack = h.ack;
    this.inOrder(h, answer, (a) => this.reply(h, line, ack, a));
  }

  /** Writes a command's answer lines and its `done` / `error` (when acks are on; `ack` is the mode the line came under). */
  private reply(h: Helper, line: string, ack: AckMode, a: CommandAnswer): void {
    if (!a.ok) this.log.warn(`process ${h.config.name}: command failed: ${line.slice(0, 200)}: ${a.lines.join('; ')}`);
    if (ack !== 'enable') return;
    for (const l of a.lines) h.process.write(l);
    h.process.write(a.ok ? 'done' : 'error');
  }

  /** Answers now, or (behind a command that answers later, see CommandAnswer.final) once the answers before it are written. */
  private inOrder(h: Helper, answer: CommandAnswer, reply: (a: CommandAnswer) => void): void {
    if (!answer.final && !h.acksWaiting) return reply(answer);
    const final = answer.final ?? answer;
    const written: Promise<void> = (h.acksWaiting ?? Promise.resolve())
      .then(() => final)
      .then(reply)
      .catch((e: unknown) => this.log.error(`process ${h.config.name}: answer not written: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (h.acksWaiting === written) h.acksWaiting = undefined;
      });
    h.acksWaiting = written;
  }

  /**
   * The line for a helper, or undefined when it did not ask for this kind of event (the kind as
   * every sink names it, lib/events/event-kind.ts, in api.receive or api.send by direction).
   */
  private eventLine(h: Helper, neighbor: Neighbor, api: NeighborConfig['api'], e: SessionEvent): string | undefined {
    // Helpers hear what the import policies made of an UPDATE, never its wire copy (that is for MRT).
    if (e.kind === 'wire-update') return undefined;
    const n = jsonNeighbor(neighbor);
    const json = h.config.encoder === 'json';
    // ExaBGP's text encoder prints nothing for negotiated.
    if (e.kind === 'up' && json && api.receive.includes('negotiated')) h.process.write(negotiatedJson(this.source(h, neighbor), n, e.negotiated));
    const kind = sinkKindOf(e);
    const asked: readonly ApiMessageKind[] = 'direction' in e && e.direction === 'send' ? api.send : api.receive;
    if (kind === undefined || !asked.includes(kind)) return undefined;
    if (!json) return textLine(n, e);
    const src = this.source(h, neighbor);
    switch (e.kind) {
      case 'connected':
        return stateJson(src, { ...n, localAddress: e.localAddress || n.localAddress }, 'connected');
      case 'up':
        return stateJson(src, n, 'up');
      case 'down':
        return stateJson(src, n, 'down', e.reason);
      case 'fsm':
        return fsmJson(src, n, e.from, e.to);
      case 'update':
        return updateJson(src, n, e.message, e.direction);
      case 'message':
        return messageJson(src, n, e.message, e.direction);
      default:
        return undefined;
    }
  }
}

/**
 * ExaBGP's `packets` / `consolidate` / `parsed` (reactor/protocol.py _to_api) for a message event:
 * packets alone adds a raw event before the parsed one (or instead of it without parsed);
 * consolidate puts the raw header and body into the parsed event.
 */
function withPackets(
  line: string,
  encoder: 'json' | 'text',
  api: NeighborConfig['api'],
  e: SessionEvent,
  source: () => JsonEnvelopeSource,
  n: JsonNeighbor,
): string[] {
  const isMessage = e.kind === 'update' || e.kind === 'message';
  if (isMessage && !api.parsed && !api.packets && !api.consolidate) return [];
  const raw = isMessage ? e.raw : undefined;
  if (!raw || (!api.packets && !api.consolidate)) return [line];
  const direction = (e as { direction: 'receive' | 'send' }).direction;
  if (api.consolidate) {
    if (encoder === 'json') return [consolidatedJson(line, raw)];
    const lines = line.split('\n');
    if (e.kind === 'update' && lines.length > 1) lines.splice(lines.length - 1, 0, headerBodyText(raw));
    else lines[lines.length - 1] += headerBodyText(raw);
    return [lines.join('\n')];
  }
  const packet = encoder === 'json' ? packetsJson(source(), n, raw, direction) : packetsText(n, raw, direction);
  return api.parsed ? [packet, line] : [packet];
}

/** ExaBGP's text encoder: what it prints for an event the helper asked for (nothing for fsm, negotiated and signal). */
function textLine(n: JsonNeighbor, e: SessionEvent): string | undefined {
  switch (e.kind) {
    case 'connected':
    case 'up':
      return stateText(n, e.kind);
    case 'down':
      return stateText(n, 'down', e.reason);
    case 'update':
      return updateText(n, e.message, e.direction);
    case 'message':
      return messageText(n, e.message, e.direction);
    default:
      return undefined;
  }
}
