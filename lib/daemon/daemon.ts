/**
 * The daemon: neighbors, listeners and event output wired together from a Config, with
 * reload (SIGHUP) that keeps every session whose settings did not change and only sends the
 * route differences to them.
 */
import { FAMILY_REGISTRY, type AnyFamily, type RouteGrammar } from '../families';
import { warmUp } from './warm-up';
import { Subject } from 'rxjs';
import type { Config, NeighborConfig } from '../config/types';
import { neighborSettingsKey } from '../config';
import { CeaseSubcode, ErrorCode } from '../wire/iana';
import type { Connection } from '../session/connection';
import type { SessionEvent } from '../events/events';
import type { Log } from '../session/log';
import { Neighbor, reject } from '../neighbor/neighbor';
import { Listener } from './listener';
import { readTableDump } from '../mrt/table-dump-v2';
import type { OutTable } from '../rib/adj-rib-out';
import { endpoint, neighborId, peerSettings } from './peer-settings';
import { PolicyModules } from './policy-modules';
import { FlowValidator, type PeerEvent } from './flow-validation/flow-validator';

export interface DaemonEvent {
  readonly neighbor: Neighbor;
  readonly event: SessionEvent;
}

export interface ReloadSummary {
  readonly added: number;
  readonly removed: number;
  readonly reset: number;
  readonly kept: number;
}

/** One line: "config reloaded: 1 added, 0 removed, 0 reset, 2 kept" (neighbors). */
export function reloadSummaryText(s: ReloadSummary): string {
  return `config reloaded: ${s.added} added, ${s.removed} removed, ${s.reset} reset, ${s.kept} kept`;
}

interface Entry {
  readonly neighbor: Neighbor;
  readonly settingsKey: string;
  /** The neighbor's current config (api and routes change on reload without a reset). */
  config: NeighborConfig;
}

export class Daemon {
  readonly events$ = new Subject<DaemonEvent>();
  private readonly neighborsById = new Map<string, Entry>();
  /** Per-event lookups from a neighbor to its entry. */
  private readonly entries = new WeakMap<Neighbor, Entry>();
  private listeners = new Map<string, Listener>();
  private running = false;
  private readonly policies = new PolicyModules();
  /** FlowSpec validation on receive (RFC 8955 §6) for neighbors that ask: between sessions and events$. */
  private readonly validation: FlowValidator<Neighbor>;

  /** The route grammars warm-up.ts has run (FlowSpec's): a reload warms only new ones. */
  private readonly warmed = new Set<RouteGrammar>();

  constructor(
    private config: Config,
    private readonly log: Log,
  ) {
    this.validation = new FlowValidator<Neighbor>(log);
  }

  /**
   * Whether a route of the neighbor's Adj-RIB-In is held by FlowSpec validation (kept, not
   * reported): listings leave it out. `key` as AdjRibIn.entries() gives it.
   */
  isHeld(neighbor: Neighbor, afi: number, safi: number, key: string): boolean {
    return this.validation.isHeld(neighbor, afi, safi, key);
  }

  /** The neighbor's Adj-RIB-In was emptied by a command (`clear adj-rib in`): FlowSpec validation catches up. */
  ribInCleared(neighbor: Neighbor): void {
    this.publish(this.validation.cleared(neighbor));
  }

  /** How many of the neighbor's FlowSpec rules validation holds. */
  heldRules(neighbor: Neighbor): number {
    return this.validation.heldCount(neighbor);
  }

  get neighbors(): Neighbor[] {
    return [...this.neighborsById.values()].map((e) => e.neighbor);
  }

  /** The config a neighbor runs with now. */
  configOf(neighbor: Neighbor): NeighborConfig | undefined {
    return this.entries.get(neighbor)?.config;
  }

  /** Binds the listeners (rejects if one cannot be bound) and starts every neighbor. */
  async start(): Promise<void> {
    if (this.running) return;
    this.policies.load(this.config.policies);
    // Before listening: a peer connecting while neighbors are not added yet would be refused
    // with a NOTIFICATION (Connection Rejected) and wait out its connect-retry timer.
    await this.warmUp(this.config);
    await this.syncListeners(this.config);
    this.running = true;
    for (const n of this.config.neighbors) this.addNeighbor(n);
    this.log.info(`rxbgp started: ${this.config.neighbors.length} neighbor(s), listening on ${this.config.listen.map((l) => `${l.address}:${l.port}`).join(', ') || 'nothing'}`);
  }

  /**
   * Compiles the route-line path of the families with a route grammar the neighbors carry
   * (warm-up.ts): at start before any listener or session, and on a reload that brings the first
   * neighbor of such a family, before that neighbor starts. Each grammar is warmed once.
   */
  private async warmUp(config: Config): Promise<void> {
    const families = new Set<AnyFamily>();
    for (const n of config.neighbors) for (const f of n.families) {
      const family = FAMILY_REGISTRY.get(f.afi, f.safi);
      if (family?.routeGrammar && !this.warmed.has(family.routeGrammar)) families.add(family);
    }
    if (families.size === 0) return;
    for (const f of families) this.warmed.add(f.routeGrammar!);
    const started = Date.now();
    const sent = await warmUp([...families]);
    this.log.debug(`warmed the route path of ${[...families].map((f) => f.name).join(', ')}: ${sent} example routes in ${Date.now() - started} ms`);
  }

  /**
   * Cease / Administrative Shutdown to every peer, then closes listeners. The RFC 8203 shutdown
   * message is sent only when given: ExaBGP 4.2 fails to decode a non-empty one and answers 1/0.
   */
  async stop(message?: string): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // Sessions first: a listener's close waits for its accepted connections to end.
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    const closing = listeners.map((l) => l.stop());
    await Promise.all(this.neighbors.map((n) => n.stop(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, message)));
    await Promise.all(closing);
    this.neighborsById.clear();
    this.events$.complete();
  }

  /** Applies a new config without resetting sessions whose settings are unchanged. */
  async reload(next: Config): Promise<ReloadSummary> {
    // First, so a policy module that does not load leaves everything as it was.
    const { changed } = this.policies.load(next.policies);
    // A first FlowSpec neighbor added by the reload: its helper's first rules should not pay for compiling.
    await this.warmUp(next);
    await this.syncListeners(next);
    const wanted = new Map(next.neighbors.map((n) => [neighborId(n), n]));
    let removed = 0;
    let reset = 0;
    let kept = 0;
    let added = 0;
    const stops: Promise<void>[] = [];
    for (const [id, entry] of this.neighborsById) {
      const n = wanted.get(id);
      if (!n) {
        this.neighborsById.delete(id);
        stops.push(this.stopNeighbor(entry.neighbor, CeaseSubcode.PEER_DECONFIGURED));
        removed++;
      } else if (neighborSettingsKey(n) !== entry.settingsKey) {
        this.neighborsById.delete(id);
        stops.push(this.stopNeighbor(entry.neighbor, CeaseSubcode.OTHER_CONFIGURATION_CHANGE));
        reset++;
      } else {
        const before = entry.config;
        entry.config = n;
        const policiesChanged = (was: readonly string[], now: readonly string[]) => was.join('\n') !== now.join('\n') || now.some((name) => changed.has(name));
        if (policiesChanged(before.import, n.import)) {
          entry.neighbor.setImportPolicies(this.policies.chain(n.import));
          this.log.info(`${n.name}: import policies ${n.import.length ? n.import.join(', ') : '(none)'} applied again to the routes received`);
        }
        if (policiesChanged(before.export, n.export)) {
          entry.neighbor.setExportPolicies(this.policies.chain(n.export));
          this.log.info(`${n.name}: export policies ${n.export.join(', ')} applied again to the routes announced`);
        }
        if (before.flowValidate !== n.flowValidate) {
          this.log.info(`${n.name}: FlowSpec validation ${n.flowValidate ? 'on' : 'off'}: the rules received are checked again`);
          this.publish(this.validation.setValidate(entry.neighbor, n.flowValidate));
        }
        entry.neighbor.reportSent = wantsSent(n) || sinksWantSent(next, n);
        entry.neighbor.setRoutes(n.routes, n.routeSets, this.tablesOf(n));
        kept++;
      }
    }
    await Promise.all(stops);
    for (const [id, n] of wanted) {
      if (this.neighborsById.has(id)) continue;
      this.addNeighbor(n);
      if (!this.config.neighbors.some((o) => neighborId(o) === id)) added++;
    }
    this.config = next;
    const summary = { added, removed, reset, kept };
    // Logged here only: the daemon's answer to `reload` repeats this text, it does not log it again.
    this.log.info(reloadSummaryText(summary));
    return summary;
  }

  /**
   * The neighbor's MRT dumps, read now (at start and on every reload, so a changed file is picked
   * up). A dump that cannot be read is logged and left out; the session goes on with the rest.
   */
  private tablesOf(n: NeighborConfig): OutTable[] {
    const tables: OutTable[] = [];
    for (const m of n.mrtRoutes) {
      const started = Date.now();
      try {
        const table = readTableDump(m.file);
        const count = table.v4Prefixes.length + table.other.length;
        const families = [...table.skippedFamilies].map(([family, n]) => `, ${n} RIB records of ${family} skipped (a family rxbgp does not carry)`).join('');
        const skipped = (table.skippedPrefixes ? `, ${table.skippedPrefixes} prefixes without a next hop skipped` : '') + families;
        this.log.info(`${n.name}: ${m.file}: ${count} routes in ${table.sets.length} attribute sets read in ${((Date.now() - started) / 1000).toFixed(1)} s${skipped}`);
        tables.push(m.nextHop !== undefined ? { table, nextHop: m.nextHop } : { table });
      } catch (e) {
        this.log.error(`${n.name}: MRT dump ${m.file} not loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return tables;
  }

  private addNeighbor(n: NeighborConfig): void {
    const neighbor = new Neighbor({
      name: n.name,
      settings: peerSettings(n),
      endpoint: endpoint(n),
      log: this.log,
      importPolicies: this.policies.chain(n.import),
      exportPolicies: this.policies.chain(n.export),
      nlri: FAMILY_REGISTRY.nlriWith({ flowIpv6Offset: n.flowIpv6Offset }),
    });
    neighbor.loadRoutes(n.routes, n.routeSets, this.tablesOf(n));
    neighbor.reportSent = wantsSent(n) || sinksWantSent(this.config, n);
    neighbor.events$.subscribe((event) => {
      this.logEvent(neighbor, event);
      this.publish(this.validation.handle(neighbor, event));
    });
    this.publish(this.validation.addPeer(neighbor, n.flowValidate));
    const entry: Entry = { neighbor, settingsKey: neighborSettingsKey(n), config: n };
    this.neighborsById.set(neighborId(n), entry);
    this.entries.set(neighbor, entry);
    neighbor.start();
  }

  /** Events out, after FlowSpec validation had its say (flow-validation/flow-validator.ts). */
  private publish(events: readonly PeerEvent<Neighbor>[]): void {
    for (const { peer, event } of events) this.events$.next({ neighbor: peer, event });
  }

  /** Stops a neighbor that is removed or reset; other neighbors' rules may depend on its routes. */
  private async stopNeighbor(neighbor: Neighbor, subcode: number): Promise<void> {
    await neighbor.stop(subcode);
    this.publish(this.validation.removePeer(neighbor));
  }

  private logEvent(n: Neighbor, e: SessionEvent): void {
    switch (e.kind) {
      case 'up':
        this.log.info(`${n.name}: session established (hold time ${e.negotiated.holdTime}s, peer ${e.negotiated.peerId} AS ${e.negotiated.peerAs})`);
        return;
      case 'down': {
        const m = e.notification;
        // The NOTIFICATION has a line of its own, just before (lib/session/log.ts): not repeated here.
        const what = m && e.sent ? ' (NOTIFICATION sent)' : '';
        // Our own Cease (shutdown, reload) is routine; anything else is worth a warning.
        const routine = e.sent && m?.code === ErrorCode.CEASE;
        this.log[routine ? 'info' : 'warn'](`${n.name}: session down: ${e.reason}${what}`);
        return;
      }
      case 'rib-sent':
        this.log.info(`${n.name}: sent ${e.prefixes} prefixes in ${e.messages} messages in ${e.seconds.toFixed(2)}s`);
        return;
      default:
        return;
    }
  }

  private onConnection(conn: Connection): void {
    const remote = conn.remoteAddress;
    const local = conn.localAddress;
    // A neighbor bound to this local address wins over one that accepts on any address.
    const fromPeer = this.neighbors.filter((n) => n.endpoint.peerAddress === remote);
    const match = fromPeer.find((n) => n.endpoint.localAddress === local) ?? fromPeer.find((n) => !n.endpoint.localAddress);
    if (!match) {
      this.log.warn(`connection from ${remote} to ${local} rejected: not a configured neighbor (Cease / Connection Rejected)`);
      reject(conn, CeaseSubcode.CONNECTION_REJECTED);
      return;
    }
    match.accept(conn);
  }

  private async syncListeners(config: Config): Promise<void> {
    const wanted = new Map(config.listen.map((l) => [`${l.address}|${l.port}`, l]));
    for (const [key, l] of this.listeners) {
      if (wanted.has(key)) continue;
      this.listeners.delete(key);
      await l.stop();
    }
    for (const [key, l] of wanted) {
      if (this.listeners.has(key)) continue;
      const listener = new Listener(l, (conn) => this.onConnection(conn));
      await listener.start();
      this.listeners.set(key, listener);
    }
  }
}

/** Sent messages are decoded back into events only when a helper asked for them (api.send). */
/** An MRT sink with "sent" that takes this neighbor records the messages we send it. */
function sinksWantSent(config: Config, n: NeighborConfig): boolean {
  return config.sinks.some((s) => s.type === 'mrt' && s.sent && (!s.filter.neighbors || s.filter.neighbors.includes(n.name) || s.filter.neighbors.includes(n.peerAddress)));
}

function wantsSent(n: NeighborConfig): boolean {
  return n.api.processes.length > 0 && (n.api.send.includes('update') || n.api.send.includes('keepalive'));
}
