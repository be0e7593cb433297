/**
 * One configured neighbor: its RIBs, its import and export policy pipelines, its session, and
 * connection collision handling (RFC 4271 §6.8). This is where a session meets the RIBs and the
 * policies: PeerSession (lib/session) reads them only through its own small interfaces
 * (ReceivedRoutes, RoutesToSend, ImportRoutes), so the session layer knows neither lib/rib nor
 * lib/policy.
 *
 * RFC 4271 §6.8:
 * a connection accepted while our session is in Connect/OpenSent/OpenConfirm
 * runs as a second "candidate" session until the peer's OPEN arrives on it; then the BGP
 * Identifiers decide which connection survives. Accepted while Established: the new
 * connection is closed with Cease / Connection Collision Resolution.
 */
import { asyncScheduler, Subject, timer, type SchedulerLike, type Subscription } from 'rxjs';
import type { PeerSettings, State } from '../fsm/types';
import { collisionWinner } from '../fsm/collision';
import { CeaseSubcode } from '../wire/iana';
import { encodeMessage } from '../wire/message';
import { ceaseNotification } from '../wire/notification';
import type { NlriCodecs } from '../wire/nlri/nlri-codec';
import { DEFAULT_CONTEXT, familyKey, type NotificationMessage } from '../wire/types';
import { AdjRibIn } from '../rib/adj-rib-in';
import { AdjRibOut, changeSize, type OutRoute, type OutRouteSet, type OutTable, type RibOutChange } from '../rib/adj-rib-out';
import type { Connection, Endpoint } from '../session/connection';
import type { SessionEvent } from '../events/events';
import { logNotification, type Log } from '../session/log';
import { PeerSession } from '../session/peer-session';
import { ImportPipeline } from './import-pipeline';
import { NeighborCounters } from '../session/counters';
import { ConnectFailures } from '../session/connect-failures';
import { ExportPipeline } from './export-pipeline';
import type { ChainPolicy } from '../policy/policy-chain';
import { eventLoopScheduler } from '../session/event-loop-scheduler';

export interface NeighborOptions {
  readonly name: string;
  readonly settings: PeerSettings;
  readonly endpoint: Endpoint;
  readonly log: Log;
  /** The clock of every timer of the neighbor and its sessions (see PeerSessionOptions.scheduler); real time without. */
  readonly scheduler?: SchedulerLike;
  /** Import policies, in order (lib/policy): what the peer sends goes through them before it is stored and reported. */
  readonly importPolicies?: readonly ChainPolicy[];
  /** Export policies, in order: what we announce goes through them; sessions send what they let through. */
  readonly exportPolicies?: readonly ChainPolicy[];
  /** NLRI codecs of the families sessions may carry (the daemon passes lib/families' registry). */
  readonly nlri?: NlriCodecs;
}

/** After a promoted candidate session ends, how long before a fresh session starts. */
export const RESTART_DELAY_MS = 1000;

export class Neighbor {
  readonly ribIn = new AdjRibIn();
  readonly ribOut = new AdjRibOut();
  readonly events$ = new Subject<SessionEvent>();
  private primary: PeerSession;
  private primarySub: Subscription;
  /** True while the primary is a promoted candidate (started passive): it is replaced when it ends. */
  private primaryIsCandidate = false;
  private candidate: { session: PeerSession; sub: Subscription } | undefined;
  private stopped = false;
  private restartTimer: Subscription | undefined;
  private reportSentMessages = false;

  private readonly importer: ImportPipeline;
  /** Messages and prefixes in and out, over all of this neighbor's sessions. */
  readonly counters = new NeighborCounters();
  /** With export policies: the chain and the post-policy Adj-RIB-Out sessions send. */
  private readonly exporter: ExportPipeline | undefined;
  private readonly connectFailures: ConnectFailures;

  constructor(private readonly opts: NeighborOptions) {
    const { settings } = opts;
    const scheduler = opts.scheduler;
    this.connectFailures = new ConnectFailures(opts.name, `${opts.endpoint.peerAddress}:${opts.endpoint.peerPort}`, opts.log, scheduler ? () => scheduler.now() : Date.now);
    const who = {
      neighbor: { name: opts.name, peerAddress: opts.endpoint.peerAddress, peerAs: settings.peerAs, localAs: settings.localAs },
      log: opts.log,
      ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
    };
    this.importer = new ImportPipeline(opts.importPolicies ?? [], who);
    if (opts.exportPolicies?.length) this.exporter = new ExportPipeline(opts.exportPolicies, { ...who, changed: (change) => this.primary.announce(change) });
    this.primary = this.newSession(opts.settings);
    this.primarySub = this.forward(this.primary);
  }

  get name(): string {
    return this.opts.name;
  }

  get settings(): PeerSettings {
    return this.opts.settings;
  }

  get endpoint(): Endpoint {
    return this.opts.endpoint;
  }

  get state(): State {
    return this.primary.state;
  }

  get session(): PeerSession {
    return this.primary;
  }

  start(): void {
    this.primary.start();
  }

  /** Report sent UPDATEs and KEEPALIVEs as events (a helper's api.send asked for them). */
  set reportSent(on: boolean) {
    this.reportSentMessages = on;
    this.primary.reportSent = on;
  }

  /**
   * New import policies (a reload): the routes already received run through them again, and what
   * changes is stored and reported, without resetting the session.
   */
  setImportPolicies(policies: readonly ChainPolicy[]): void {
    this.importer.reapply(policies, this.ribIn);
  }

  /**
   * The routes as the peer sent them, before import policies: kept only for a neighbor with import
   * policies whose session did not negotiate ROUTE-REFRESH (otherwise empty: see import-pipeline.ts).
   */
  get receivedRoutes(): AdjRibIn {
    return this.importer.received;
  }

  /** The routes sessions send: what the export policies let through, or the Adj-RIB-Out itself without any. */
  get sentRoutes(): AdjRibOut {
    return this.exporter?.post ?? this.ribOut;
  }

  /**
   * Routes advertised to the peer now (`show neighbor summary` #sent, like #recvd the Adj-RIB-In):
   * while Established, the routes sent of the families the session negotiated; 0 otherwise, since
   * a session that is down or never came up advertises nothing.
   */
  get advertisedRoutes(): number {
    const negotiated = this.primary.negotiatedSession;
    if (this.primary.state !== 'Established' || !negotiated) return 0;
    return this.sentRoutes.sizeIn(new Set(negotiated.families.map((f) => familyKey(f.afi, f.safi))));
  }

  /** The first routes, before any session: nothing to send yet, so no change is worked out. */
  loadRoutes(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = [], tables: readonly OutTable[] = []): void {
    this.ribOut.replaceConfig(routes, routeSets, tables);
    this.exporter?.feed(this.ribOut.groups());
  }

  /** Replaces the routes we advertise; sends only the difference when the session is up. */
  setRoutes(routes: readonly OutRoute[], routeSets: readonly OutRouteSet[] = [], tables: readonly OutTable[] = []): void {
    this.changed(this.ribOut.load(routes, routeSets, tables));
  }

  /** Routes announced through the API (helpers, control socket): only what changed is sent. */
  announceApi(routes: readonly OutRoute[]): number {
    const change = this.ribOut.upsert(routes);
    this.changed(change);
    return changeSize(change.announce);
  }

  /** Routes withdrawn through the API; a prefix the config announces goes back to the config's version. */
  withdrawApi(routes: ReadonlyArray<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId'>>): number {
    const change = this.ribOut.remove(routes);
    this.changed(change);
    return changeSize(change.withdraw);
  }

  /** ExaBGP `clear adj-rib out`: every API route withdrawn. */
  clearApi(): void {
    this.changed(this.ribOut.clearApi());
  }

  /**
   * New export policies (a reload): everything we announce runs through them again and only what
   * changes is sent. (A neighbor without export policies has none to replace: adding the first
   * resets its session, see settings-key.ts.)
   */
  setExportPolicies(policies: readonly ChainPolicy[]): void {
    this.exporter?.reapply(policies, this.ribOut);
  }

  /** A change of what we want to announce: through the export policies when there are any, else straight to the session. */
  private changed(change: RibOutChange): void {
    if (this.exporter) this.exporter.push(change);
    else this.primary.announce(change);
  }

  /** An accepted TCP connection from this neighbor's address. */
  accept(conn: Connection): void {
    const { log, name } = this.opts;
    if (this.stopped) return logNotification(log, name, 'sent', reject(conn, CeaseSubcode.CONNECTION_REJECTED), 'a connection while the neighbor stops');
    const state = this.primary.state;
    if (state === 'Established' || this.candidate) {
      return logNotification(log, name, 'sent', reject(conn, CeaseSubcode.CONNECTION_COLLISION_RESOLUTION), `a new connection while a session is ${this.candidate ? 'being opened' : state}: RFC 4271 §6.8`);
    }
    // Our own connection is in flight (Connect) or open: both may succeed, so the accepted one runs
    // beside it until the peer's OPEN shows which of the two the BGP Identifiers keep. Closing ours
    // here would lose both when the peer does the same to its own.
    if (state === 'Connect' || state === 'OpenSent' || state === 'OpenConfirm') return this.startCandidate(conn);
    if (state === 'Idle') {
      // Backing off after an error (or not started): the peer is trying again now, so start at once.
      this.primary.start();
    }
    this.primary.accept(conn);
  }

  /** Sends Cease (RFC 4486 subcode; RFC 8203 message for Administrative Shutdown) and stops. */
  async stop(subcode: number = CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, message?: string): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.restartTimer?.unsubscribe();
    const c = this.candidate;
    this.candidate = undefined;
    await Promise.all([this.primary.stop(subcode, message), c?.session.stop(CeaseSubcode.PEER_DECONFIGURED)]);
    this.primary.dispose();
    this.exporter?.stop();
    this.primarySub.unsubscribe();
    c?.sub.unsubscribe();
    this.events$.complete();
  }

  private newSession(settings: PeerSettings): PeerSession {
    const session = this.createSession(settings);
    session.reportSent = this.reportSentMessages;
    return session;
  }

  private createSession(settings: PeerSettings): PeerSession {
    return new PeerSession({
      name: this.opts.name,
      settings,
      endpoint: this.opts.endpoint,
      ribIn: this.ribIn,
      ribOut: this.sentRoutes,
      importer: this.importer,
      counters: this.counters,
      connectFailures: this.connectFailures,
      log: this.opts.log,
      ...(this.opts.scheduler ? { scheduler: this.opts.scheduler } : {}),
      ...(this.opts.nlri ? { nlri: this.opts.nlri } : {}),
    });
  }

  private forward(session: PeerSession): Subscription {
    return session.events$.subscribe((e) => {
      this.events$.next(e);
      if (e.kind === 'down' && session === this.primary && this.primaryIsCandidate) this.replacePromoted();
    });
  }

  private startCandidate(conn: Connection): void {
    const session = this.newSession({ ...this.opts.settings, passive: true });
    const sub = session.events$.subscribe((e) => {
      if (e.kind === 'message' && e.direction === 'receive' && e.message.type === 'open') this.resolveCollision(session, e.message.bgpId);
      if (e.kind === 'fsm' && e.to === 'Idle' && this.candidate?.session === session) {
        this.candidate = undefined;
        sub.unsubscribe();
        session.dispose();
      }
    });
    this.candidate = { session, sub };
    session.start();
    session.accept(conn);
  }

  /** RFC 4271 §6.8, decided when the peer's OPEN arrives on the candidate connection. */
  private resolveCollision(candidate: PeerSession, peerId: string): void {
    const c = this.candidate;
    if (!c || c.session !== candidate) return;
    const primaryState = this.primary.state;
    const primaryOutgoing = this.primary.connection?.direction === 'outgoing';
    const primaryAlive = primaryState === 'OpenSent' || primaryState === 'OpenConfirm' || primaryState === 'Established';
    const winner = collisionWinner(this.opts.settings.routerId, peerId, this.opts.settings.localAs, this.opts.settings.peerAs);
    // Two accepted connections: no initiator to compare, keep the older one.
    const keepCandidate = !primaryAlive || (primaryState !== 'Established' && primaryOutgoing && winner === 'keep-incoming');
    this.opts.log.info(`${this.name}: connection collision resolved for the ${keepCandidate ? 'new' : 'existing'} connection (BGP identifiers ${this.opts.settings.routerId} vs ${peerId})`);
    this.candidate = undefined;
    if (!keepCandidate) {
      candidate.collisionDump();
      c.sub.unsubscribe();
      this.later(() => candidate.dispose());
      return;
    }
    const old = this.primary;
    const oldSub = this.primarySub;
    c.sub.unsubscribe();
    this.primary = candidate;
    this.primaryIsCandidate = true;
    this.primarySub = this.forward(candidate);
    if (primaryAlive) old.collisionDump();
    oldSub.unsubscribe();
    this.later(() => old.dispose());
  }

  /** A promoted (passive) candidate ended: go back to a session with the configured settings. */
  private replacePromoted(): void {
    const old = this.primary;
    this.primarySub.unsubscribe();
    this.primary = this.newSession(this.opts.settings);
    this.primaryIsCandidate = false;
    this.primarySub = this.forward(this.primary);
    this.later(() => old.dispose());
    this.restartTimer = timer(RESTART_DELAY_MS, this.opts.scheduler ?? asyncScheduler).subscribe(() => {
      if (!this.stopped) this.primary.start();
    });
  }

  /** Runs work on the next turn of the event loop (or of the virtual clock), out of the events being handled now. */
  private later(work: () => void): void {
    (this.opts.scheduler ?? eventLoopScheduler).schedule(work);
  }
}

/** Closes a connection we do not want with a Cease NOTIFICATION (RFC 4486 subcode); returns it, for the log. */
export function reject(conn: Connection, subcode: number): NotificationMessage {
  const m = ceaseNotification(subcode);
  conn.write(encodeMessage(m, DEFAULT_CONTEXT));
  conn.close();
  return m;
}
