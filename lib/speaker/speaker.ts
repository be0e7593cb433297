/**
 * rxbgp as a library: a BGP speaker inside any Node program.
 *
 *   const speaker = await Speaker.start({ localAs: 65001, routerId: '192.0.2.1', neighbors: [...] });
 *   speaker.updates$.subscribe(({ neighbor, message }) => ...);
 *   speaker.announce([{ prefix: '203.0.113.0/24', nextHop: '198.51.100.1', communities: ['65001:1'] }]);
 *   await speaker.stop();
 *
 * The config is the object a config file holds (docs/configuration.md), checked the same way;
 * routes are what a neighbor's "routes" list holds. The `rxbgp run` daemon is built on this class:
 * it adds the event output, helper processes, the control socket and signals.
 */
import { filter, map, type Observable } from 'rxjs';
import { decodeConfig, formatErrors } from '../config';
import type { Config } from '../config/types';
import { resolveRoutes } from '../config/resolve-config';
import { CommandExecutor, finalAnswer, type CommandAnswer, type DaemonControl } from '../api-runtime/command-executor';
import { Daemon, type DaemonEvent, type ReloadSummary } from '../daemon/daemon';
import { unreachableRoutes } from '../api-runtime/family-reach';
import type { Neighbor } from '../neighbor/neighbor';
import type { OutRoute } from '../rib/adj-rib-out';
import { FAMILY_REGISTRY } from '../families';
import { decodeGrammarRoutes } from './grammar-routes';
import { silentLog, type Log } from '../session/log';
import type { SessionEvent } from '../events/events';
import { CeaseSubcode, Safi } from '../wire/iana';
import { ConfiguredSinks } from '../daemon/configured-sinks';
import { EventBus } from '../daemon/event-bus';
import { KafkaCommandSource } from '../sources/kafka-source';
import type { SourceConfig } from '../config/types';
import type { SinkStats } from '../sinks/sink';
import { parseRoutePrefix } from '../api/commands/address-text';
import type { UpdateMessage } from '../wire/types';

export interface SpeakerOptions {
  /** Log lines (winston's Logger fits); none by default. */
  readonly log?: Log;
  /** Where relative paths of the config (policy modules, MRT dumps, helpers) are resolved from; the working directory by default. */
  readonly baseDir?: string;
  /** What the text commands shutdown / reload / restart do (the CLI's signals and socket); by default stop, refuse, and reset every session. */
  readonly control?: Partial<DaemonControl>;
  /** The version `version` answers with. */
  readonly version?: string;
}

/** An event of one neighbor's session. */
export interface SpeakerEvent {
  readonly neighbor: Neighbor;
  readonly event: SessionEvent;
}

/** An UPDATE a neighbor sent, after its import policies: what its Adj-RIB-In now holds. */
export interface SpeakerUpdate {
  readonly neighbor: Neighbor;
  readonly message: UpdateMessage;
  /** The message as received, when no policy changed it. */
  readonly raw?: Buffer;
}

/** A route as a neighbor's "routes" list holds it: { prefix, nextHop, origin, asPath, med, communities, ... }. */
export type RouteInput = Record<string, unknown> & { readonly prefix: string };

/** Which neighbors a call applies to: their names (description, else peer address) or peer addresses; all by default. */
export interface NeighborChoice {
  readonly neighbors?: string | readonly string[];
}

export class SpeakerConfigError extends Error {}

export class Speaker {
  /** Every session event of every neighbor: state changes, updates received (and sent, when asked), notifications. */
  readonly events$: Observable<SpeakerEvent>;
  /** The UPDATEs neighbors send, after import policies. */
  readonly updates$: Observable<SpeakerUpdate>;
  private readonly daemon: Daemon;
  private readonly executor: CommandExecutor;
  /**
   * The one event bus (lib/daemon/event-bus.ts): the config's sinks are on it from start(); `rxbgp run`
   * adds the events output and the helper processes. @internal
   */
  readonly bus: EventBus;
  private sinks: ConfiguredSinks;
  private sinksKey: string;
  private readonly log: Log;
  private readonly sourceConfigs: readonly SourceConfig[];
  private readonly sources: KafkaCommandSource[] = [];

  /** A speaker not started yet: subscribe to its observables, then start(). */
  constructor(config: Config | unknown, private readonly options: SpeakerOptions = {}) {
    const log = options.log ?? silentLog;
    this.log = log;
    const decoded = resolve(config, options.baseDir);
    this.daemon = new Daemon(decoded, log);
    this.bus = new EventBus(this.daemon.events$);
    this.sinks = new ConfiguredSinks(decoded.sinks, log);
    this.sourceConfigs = decoded.sources;
    this.sinksKey = JSON.stringify(decoded.sinks);
    this.events$ = this.daemon.events$;
    this.updates$ = this.events$.pipe(
      filter((e): e is DaemonEvent & { event: Extract<SessionEvent, { kind: 'update' }> } => e.event.kind === 'update' && e.event.direction === 'receive'),
      map(({ neighbor, event }) => (event.raw ? { neighbor, message: event.message, raw: event.raw } : { neighbor, message: event.message })),
    );
    const control: DaemonControl = {
      shutdown: options.control?.shutdown ?? (() => void this.stop()),
      reload: options.control?.reload ?? (() => ({ ok: false, lines: ['a library speaker has no config file to read again: call speaker.reload(config)'] })),
      restart: options.control?.restart ?? (() => this.daemon.neighbors.forEach((n) => n.session.teardown(CeaseSubcode.ADMINISTRATIVE_RESET))),
    };
    this.executor = new CommandExecutor(this.daemon, log, control, options.version ?? 'rxbgp');
  }

  /** Starts a speaker from a config object (or a decoded Config); rejects with every config error. */
  static async start(config: Config | unknown, options?: SpeakerOptions): Promise<Speaker> {
    const speaker = new Speaker(config, options);
    await speaker.start();
    return speaker;
  }

  /** Binds the listeners, loads the policy modules, opens the sinks, starts every neighbor, then the command sources. */
  async start(): Promise<void> {
    this.bus.add(this.sinks);
    await this.daemon.start();
    for (const s of this.sourceConfigs) {
      const source = new KafkaCommandSource(s, (line) => finalAnswer(this.executor.execute(line)), this.log);
      this.sources.push(source);
      // A broker not reachable yet is not fatal: kafkajs keeps trying, and the source logs it.
      source.start().catch((e: unknown) => this.log.warn(`kafka source ${s.topic}: not started: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** Each sink's counters (events taken, written, dropped, queued, errors), by name. */
  sinkStats(): Map<string, SinkStats> {
    return this.sinks.stats();
  }

  get neighbors(): Neighbor[] {
    return this.daemon.neighbors;
  }

  /** The running config of a neighbor. */
  configOf(neighbor: Neighbor): Config['neighbors'][number] | undefined {
    return this.daemon.configOf(neighbor);
  }

  /**
   * Announces routes to the chosen neighbors (through their export policies), as an API helper's
   * would be: they stay until withdrawn, across reloads. Throws SpeakerConfigError naming every
   * bad route and key, having announced nothing. Returns how many prefixes went out as new or changed.
   */
  announce(routes: RouteInput | readonly RouteInput[], choice: NeighborChoice = {}): number {
    const list = Array.isArray(routes) ? routes : [routes];
    const targets = this.choose(choice);
    const perNeighbor = targets.map((n) => {
      const { routes: resolved, errors } = resolveRoutes(list, this.daemon.configOf(n)!);
      if (errors.length) throw new SpeakerConfigError(`routes for ${n.name}:\n${formatErrors(errors)}`);
      const refused = unreachableRoutes(n, resolved);
      if (refused.length) throw new SpeakerConfigError(`routes for ${n.name}:\n${refused.join('\n')}`);
      return [n, resolved] as const;
    });
    let changed = 0;
    for (const [n, resolved] of perNeighbor) changed += n.announceApi(resolved);
    return changed;
  }

  /** Withdraws routes announced with announce() (prefix text, or objects with a prefix). Returns how many were withdrawn. */
  withdraw(routes: string | RouteInput | ReadonlyArray<string | RouteInput>, choice: NeighborChoice = {}): number {
    const list = Array.isArray(routes) ? routes : [routes];
    const keys = list.map((r, i) => {
      const text = typeof r === 'string' ? r : r.prefix;
      const p = parseRoutePrefix(text);
      if (typeof p === 'string') throw new SpeakerConfigError(`routes[${i}]: ${JSON.stringify(text)}: ${p}`);
      const pathId = typeof r === 'string' ? undefined : r.pathId;
      const id = typeof pathId === 'number' ? { pathId } : {};
      // A route written with a family's keys beside its prefix ("rd", "labels": an L3VPN or labeled route).
      const qualified = typeof r === 'string' ? undefined : qualifiedWithdrawal(r, p.afi, p.text);
      if (typeof qualified === 'string') throw new SpeakerConfigError(`routes[${i}]: ${qualified}`);
      if (qualified) return { ...qualified, ...id };
      return { afi: p.afi, safi: Safi.UNICAST, prefix: p.text, ...id };
    });
    let withdrawn = 0;
    for (const n of this.choose(choice)) withdrawn += n.withdrawApi(keys);
    return withdrawn;
  }

  /**
   * Announces FlowSpec rules (RFC 8955, 8956) to the chosen neighbors, written as a neighbor's
   * `flows` in the JSON config: { match: { destination, protocol, destinationPort, ... }, then:
   * { discard, rateLimit, redirect, ... }, rd? }. As announce(): they stay until withdrawn, across
   * reloads; a bad rule or a neighbor that cannot carry its family throws SpeakerConfigError naming
   * every problem, having announced nothing. Returns how many rules went out as new or changed.
   */
  announceFlows(rules: unknown | readonly unknown[], choice: NeighborChoice = {}): number {
    const routes = this.grammarRoutes('flows', rules, choice);
    let changed = 0;
    for (const [n, rs] of routes) changed += n.announceApi(rs);
    return changed;
  }

  /** Withdraws FlowSpec rules announced with announceFlows() (the same match; `then` may be left out). Returns how many were withdrawn. */
  withdrawFlows(rules: unknown | readonly unknown[], choice: NeighborChoice = {}): number {
    const routes = this.grammarRoutes('flows', rules, choice, false);
    let withdrawn = 0;
    for (const [n, rs] of routes) withdrawn += n.withdrawApi(rs);
    return withdrawn;
  }

  /** Items of a family grammar's config list, decoded and checked against each chosen neighbor. */
  private grammarRoutes(key: string, items: unknown, choice: NeighborChoice, announce = true): Array<readonly [Neighbor, OutRoute[]]> {
    const list = Array.isArray(items) ? items : [items];
    const { routes, errors } = decodeGrammarRoutes(key, list);
    if (errors.length) throw new SpeakerConfigError(errors.join('\n'));
    return this.choose(choice).map((n) => {
      if (announce) {
        const refused = unreachableRoutes(n, routes);
        if (refused.length) throw new SpeakerConfigError(`${key} for ${n.name}:\n${refused.join('\n')}`);
      }
      return [n, routes] as const;
    });
  }

  /** One line of ExaBGP's text API ("announce route 10.0.0.0/24 next-hop self", "show neighbor summary"...). */
  command(line: string): CommandAnswer {
    return this.executor.execute(line);
  }

  /** A new config: sessions whose settings are unchanged stay up and only get the differences. */
  async reload(config: Config | unknown): Promise<ReloadSummary> {
    const next = resolve(config, this.options.baseDir);
    const summary = await this.daemon.reload(next);
    const key = JSON.stringify(next.sinks);
    if (key !== this.sinksKey) {
      // Changed sinks are replaced whole: what the old ones queued is written first.
      const old = this.sinks;
      this.sinks = new ConfiguredSinks(next.sinks, this.log);
      this.sinksKey = key;
      this.bus.add(this.sinks);
      this.bus.remove(old);
      await old.close();
    }
    return summary;
  }

  /** Cease to every peer (RFC 8203 `message` if given), listeners closed; the observables complete. */
  async stop(message?: string): Promise<void> {
    await Promise.all(this.sources.map((s) => s.stop()));
    this.sources.length = 0;
    await this.daemon.stop(message);
    this.bus.remove(this.sinks);
    await this.sinks.close();
  }

  /** The command executor, for a daemon that serves the text API (helpers, control socket). */
  get commands(): CommandExecutor {
    return this.executor;
  }

  private choose(choice: NeighborChoice): Neighbor[] {
    const all = this.daemon.neighbors;
    if (choice.neighbors === undefined) return all;
    const wanted = typeof choice.neighbors === 'string' ? [choice.neighbors] : choice.neighbors;
    const chosen = all.filter((n) => wanted.includes(n.name) || wanted.includes(n.endpoint.peerAddress));
    const missing = wanted.filter((w) => !all.some((n) => n.name === w || n.endpoint.peerAddress === w));
    if (missing.length) throw new SpeakerConfigError(`no neighbor named ${missing.map((m) => `"${m}"`).join(', ')}; neighbors: ${all.map((n) => n.name).join(', ') || 'none'}`);
    return chosen;
  }
}

/** A decoded Config as it is; anything else decoded as a config file's JSON. */
function resolve(config: Config | unknown, baseDir: string | undefined): Config {
  if (isDecoded(config)) return config;
  const r = decodeConfig(config, baseDir ?? process.cwd());
  if (r._tag === 'Left') throw new SpeakerConfigError(`config:\n${formatErrors(r.left)}`);
  return r.right;
}

function isDecoded(config: unknown): config is Config {
  const c = config as Partial<Config> | null;
  return typeof c === 'object' && c !== null && Array.isArray(c.policies) && Array.isArray(c.processes) && typeof c.control === 'object';
}

/**
 * The route a withdrawal names with a family's config keys beside its prefix (FamilyDescriptor
 * .routeQualifiers: "rd", "labels"), as the config reads them; undefined for a unicast route, or
 * why the keys name no route. A withdrawal needs no labels (RFC 8277 §2.4).
 */
function qualifiedWithdrawal(r: RouteInput, afi: number, prefix: string): { afi: number; safi: number; prefix: string; nlri: unknown } | string | undefined {
  const words = new Map<string, readonly string[]>();
  for (const [key, word] of FAMILY_REGISTRY.qualifierConfigKeys) {
    const value = r[key];
    if (value === undefined) continue;
    words.set(word, Array.isArray(value) ? value.map(String) : [String(value)]);
  }
  if (words.size === 0) return undefined;
  const found = FAMILY_REGISTRY.qualifiedRoute(afi, prefix, words, true);
  if (!found) return `no family rxbgp carries takes ${[...words.keys()].join(' and ')} with ${prefix}`;
  if (!found.nlri.ok) return found.nlri.error;
  return { afi: found.family.afi, safi: found.family.safi, prefix: found.family.formatText(found.nlri.value), nlri: found.nlri.value };
}
