/**
 * The RxJS glue for one BGP session with one peer, as one stream (DESIGN.md "The shape"):
 *
 *   socket chunks ─ frame() (connection.ts) ─ decode ─┐
 *   transport events of the connection in use ───────┼─ merge ─ runFsm: scan(step) + timers ─ share()
 *   commands (start, stop, accept, teardown, …) ─────┘                                        │
 *       ├─ the state the getters read
 *       └─ effects: writes, connects, closes, RIB updates, events out; RIB sends run in order (inOrder)
 *
 * A received message's bytes ride in its FSM event to the events its effects emit. An event fed
 * synchronously from inside an effect (a subscriber of events$ reacting) waits for the step being
 * carried out (oneAtATime in runFsm), so steps never interleave.
 *
 * Every timer of the session (the FSM's, the stop wait, the flush bound of the connections it
 * opens, the RIB sender's yields) runs on `scheduler`, so a test can drive a whole session in
 * virtual time (an accepted Connection is given its scheduler by whoever built it). */
import { asyncScheduler, EMPTY, firstValueFrom, fromEvent, merge, Observable, race, share, Subject, switchMap, timer, type SchedulerLike, type Subscriber, type Subscription } from 'rxjs';
import type { FsmStep } from './run-fsm';
import { inOrder, type SendJob } from './in-order';
import type { Effect, FsmEvent, FsmState, Negotiated, PeerSettings, State } from '../fsm/types';
import { initialState } from '../fsm/step';
import { runFsm } from './run-fsm';
import { asBgpError, BgpError } from '../wire/errors';
import { CeaseSubcode, ErrorCode, MAX_EXTENDED_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH, RouteRefreshSubtype } from '../wire/iana';
import { decodeMessage, encodeMessage } from '../wire/message';
import { endOfRibMessage } from '../wire/end-of-rib';
import { formatFamily } from '../wire/family-names';
import type { CodecContext, Family, Message, RouteRefreshMessage, UpdateMessage } from '../wire/types';
import { DEFAULT_CONTEXT, familyKey } from '../wire/types';
import { Connection, openConnection, type Endpoint } from './connection';
import type { SessionEvent } from '../events/events';
import { logNotification, type Log } from './log';
import { connectErrorText, type ConnectFailures } from './connect-failures';
import type { NeighborCounters } from './counters';
import type { NlriCodecs } from '../wire/nlri/nlri-codec';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import { sendRoutes, type SendChange, type SendContext, type SendGroup } from './rib-sender';
import { eventLoopScheduler } from './event-loop-scheduler';
import { ipFamily } from '../wire/address';

/**
 * The session's view of where the peer's routes are kept: the neighbor's Adj-RIB-In (lib/neighbor
 * owns it, a lib/rib AdjRibIn). The session stores what it receives and forgets it when it goes down.
 */
export interface ReceivedRoutes {
  /** Stores an UPDATE's routes and withdrawals. */
  apply(message: UpdateMessage): unknown;
  /** What storing this UPDATE would change (undefined: nothing), for routes already held run through again. */
  changesOf(message: UpdateMessage): UpdateMessage | undefined;
  clear(): void;
}

/** The session's view of the routes it sends: the neighbor's (post-policy) Adj-RIB-Out. */
export interface RoutesToSend {
  /** Every route, grouped by attribute set: sent whole when the session comes up and on ROUTE-REFRESH. */
  groups(): Iterable<SendGroup>;
  /** Whether a route has next hop "self" (a loopback local address then gets a warning). */
  usesSelfNextHop(): boolean;
}

/**
 * The session's view of the neighbor's import policies (lib/neighbor/import-pipeline.ts), between
 * the wire and ReceivedRoutes: the session hands them what the peer sends, and they give back, to
 * the target of open(), what to store.
 */
export interface ImportRoutes {
  /** Whether there are policies to run: without, the session stores what it receives directly. */
  readonly active: boolean;
  /** The session is established: what the policies let through from now on goes to `target`. */
  open(target: ImportTarget): void;
  /** A received UPDATE (with its bytes when it came off the wire), while `active`. */
  receive(message: UpdateMessage, raw: Buffer | undefined): void;
  /** The session went down: whatever the policies hold is dropped. */
  close(): void;
}

/** Where the import policies' output goes: the session that opened them. */
export interface ImportTarget {
  /**
   * Stores what the policies let through and reports it; `raw` when the batch is the message as
   * received. `onlyChanges` while routes already held run through again: report what changes only.
   */
  accept(batch: UpdateMessage, raw: Buffer | undefined, onlyChanges: boolean): void;
  /** Asks the peer to send its routes again (RFC 2918); absent when it did not negotiate ROUTE-REFRESH. */
  readonly refresh?: () => void;
}

export interface PeerSessionOptions {
  readonly name: string;
  readonly settings: PeerSettings;
  readonly endpoint: Endpoint;
  readonly ribIn: ReceivedRoutes;
  readonly ribOut: RoutesToSend;
  readonly log: Log;
  /**
   * The clock of every timer of the session; without, real time: asyncScheduler for timers and
   * eventLoopScheduler (setImmediate) for the yields to the event loop.
   */
  readonly scheduler?: SchedulerLike;
  /** The neighbor's import policies; without, received routes are stored as they come. */
  readonly importer?: ImportRoutes;
  /** The neighbor's message and prefix counters (metrics). */
  readonly counters?: NeighborCounters;
  /** The neighbor's failed connects, logged when they start and when a connection is up again. */
  readonly connectFailures?: ConnectFailures;
  /** NLRI codecs of the families the session may carry (lib/families registry); wire's own IPv4/IPv6 unicast when absent. */
  readonly nlri?: NlriCodecs;
  /** Opens the outgoing connection (RFC 4271 Event 16's TCP connect); openConnection (a real socket) when absent. Tests pass a fake one. */
  readonly connect?: (endpoint: Endpoint, scheduler?: SchedulerLike) => Connection;
}

/** How long stop() waits for the closing NOTIFICATION to be flushed. */
export const STOP_WAIT_MS = 1500;

export class PeerSession {
  readonly events$ = new Subject<SessionEvent>();
  /** Commands (start, stop, accept, collision, teardown) and the RIB sender's UpdateSent, as FSM events. */
  private readonly commands$ = new Subject<FsmEvent>();
  /** The connection in use; its events feed the FSM until another takes its place (switchMap). */
  private readonly conn$ = new Subject<Connection | undefined>();
  /**
   * The session as one stream: commands merged with the connection's events (chunks framed and
   * decoded), folded with the timers through step() (runFsm), shared by the branches below.
   */
  private readonly steps$: Observable<FsmStep>;
  private readonly subscription: Subscription;
  private fsm: FsmState;
  private conn: Connection | undefined;
  private rxCtx: CodecContext = DEFAULT_CONTEXT;
  private negotiated: Negotiated | undefined;
  /** Bumped whenever the established session ends, so in-flight RIB sends stop. */
  private generation = 0;
  private disposed = false;
  private warnedLoopbackNextHop = false;
  /** Send jobs, run one after the other by inOrder() (replaces a chain of promises). */
  private readonly sends$ = new Subject<SendJob>();
  private readonly sending: Subscription;
  /** Send jobs queued or running and not finished yet (enqueue): with none, a RIB change is sent at once. */
  private sendsInFlight = 0;
  /** The last SendContext made, for the session (Negotiated) and connection it was made for. */
  private sendContext: { readonly negotiated: Negotiated; readonly conn: Connection; readonly ctx: SendContext } | undefined;
  /** True while the FSM's effects are carried out: a send asked for then waits for the step to end (its UpdateSent would feed the FSM mid-step). */
  private inEffects = false;
  /** The connection the peer's OPEN last came on. */
  private openSeenOn: Connection | undefined;
  /**
   * Report what we send as events too (UPDATEs decoded back from the packed bytes, KEEPALIVEs):
   * only when a helper asked for them (api.send), since it costs a decode per message.
   */
  reportSent = false;
  /** When the session last reached Established (ms since epoch, wall time whatever the scheduler), for show output. */
  establishedAt: number | undefined;

  constructor(private readonly opts: PeerSessionOptions) {
    this.fsm = initialState(opts.settings);
    const transport$ = this.conn$.pipe(switchMap((conn) => (conn ? this.fromConnection(conn) : EMPTY)));
    this.steps$ = runFsm(opts.settings, merge(this.commands$, transport$), opts.scheduler).pipe(share());
    // Both branches are subscribed before anything is fed (start() and accept() come later).
    // The error is logged once, by the effects branch; without a handler here RxJS would rethrow it and end the process.
    this.subscription = this.steps$.subscribe({ next: (r) => (this.fsm = r.state), error: () => undefined });
    this.subscription.add(this.steps$.subscribe({
      next: (r) => {
        const outer = this.inEffects;
        this.inEffects = true;
        // A received message's effects (update, received, refresh events) carry its bytes.
        const raw = r.event.type === 'Message' ? r.event.raw : undefined;
        for (const e of r.effects) {
          // RxJS rethrows a subscriber's exception asynchronously, which would end the process:
          // a failed effect is logged and this session goes on (or down) alone.
          try {
            this.perform(e, raw);
          } catch (err) {
            opts.log.error(`${opts.name}: ${e.kind} failed: ${err instanceof Error ? err.stack : String(err)}`);
          }
        }
        this.inEffects = outer;
      },
      error: (e: unknown) => opts.log.error(`${opts.name}: FSM failed: ${String(e)}`),
    }));
    this.sending = this.sends$
      .pipe(inOrder((e) => opts.log.error(`${opts.name}: send failed: ${e instanceof Error ? e.stack : String(e)}`)))
      .subscribe(() => void this.sendsInFlight--);
  }

  get state(): State {
    return this.fsm.state;
  }

  get fsmState(): FsmState {
    return this.fsm;
  }

  get negotiatedSession(): Negotiated | undefined {
    return this.negotiated;
  }

  get connection(): Connection | undefined {
    return this.conn;
  }

  /** RFC 4271 Event 1 ManualStart (active or passive per settings). */
  start(): void {
    this.feed({ type: 'ManualStart' });
  }

  /** Hands an accepted connection to this session (RFC 4271 Event 17). */
  accept(conn: Connection): void {
    if (this.conn && this.conn !== conn) this.conn.close(); // our own connect attempt loses to the accepted one
    this.opts.connectFailures?.connected('incoming');
    this.bind(conn);
    this.emit({ kind: 'connected', localAddress: conn.localAddress ?? '', peerAddress: conn.remoteAddress ?? '' });
    this.feed({ type: 'TcpConnectionConfirmed' });
  }

  /** RFC 4271 §6.8: this connection lost a collision (Cease / Connection Collision Resolution). */
  collisionDump(): void {
    this.feed({ type: 'OpenCollisionDump' });
  }

  /**
   * Stops the session: subcode 2 (Administrative Shutdown, RFC 8203 message) is ManualStop and
   * stays down; other Cease subcodes (3 Peer De-configured, 6 Other Configuration Change) are an
   * AutomaticStop followed by dispose(). Resolves once the NOTIFICATION is flushed (bounded).
   */
  async stop(subcode: number = CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, message?: string): Promise<void> {
    const conn = this.conn;
    if (subcode === CeaseSubcode.ADMINISTRATIVE_SHUTDOWN) this.feed({ type: 'ManualStop', ...(message ? { shutdownMessage: message } : {}) });
    else this.feed({ type: 'AutomaticStop', error: new BgpError(ErrorCode.CEASE, subcode) });
    if (conn && !conn.socket.destroyed) {
      await firstValueFrom(race(timer(STOP_WAIT_MS, this.opts.scheduler ?? asyncScheduler), fromEvent(conn.socket, 'close')));
    }
    if (subcode !== CeaseSubcode.ADMINISTRATIVE_SHUTDOWN) this.dispose();
  }

  /** Unsubscribes the FSM (and its timers) and drops any connection. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.subscription.unsubscribe();
    this.sending.unsubscribe();
    this.conn?.close();
    this.unbind();
    this.events$.complete();
  }

  /** Cease with this subcode (ExaBGP `teardown`); the session comes back after the usual backoff. */
  teardown(subcode: number): void {
    this.feed({ type: 'AutomaticStop', error: new BgpError(ErrorCode.CEASE, subcode), reason: 'teardown command' });
  }

  /** Sends an End-of-RIB for a negotiated family (ExaBGP `announce eor`); false when not possible. */
  sendEndOfRib(family: Family): boolean {
    if (!this.isNegotiated(family)) return false;
    this.enqueue(() => this.write(endOfRibMessage(family)));
    return true;
  }

  /** Asks the peer for its routes again (RFC 2918); false when the family or refresh was not negotiated. */
  requestRouteRefresh(family: Family): boolean {
    if (!this.isNegotiated(family) || !this.negotiated?.routeRefresh) return false;
    this.enqueue(() => this.write({ type: 'route-refresh', afi: family.afi, safi: family.safi, subtype: RouteRefreshSubtype.NORMAL }));
    return true;
  }

  /** Sends the whole Adj-RIB-Out again (ExaBGP `flush adj-rib out`). */
  resendAll(): void {
    if (this.fsm.state === 'Established') this.enqueue(() => this.sendRib([], this.opts.ribOut.groups(), []));
  }

  private reportSentBytes(bytes: Buffer, ctx: CodecContext): void {
    try {
      const message = decodeMessage(bytes, ctx);
      if (message.type === 'update') this.emit({ kind: 'update', message, direction: 'send', raw: bytes });
    } catch (e) {
      this.opts.log.error(`${this.opts.name}: cannot report a sent message: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private isNegotiated(family: Family): boolean {
    return this.fsm.state === 'Established' && !!this.negotiated?.families.some((f) => f.afi === family.afi && f.safi === family.safi);
  }

  /**
   * Sends what changed in Adj-RIB-Out (an API command, a reload) if the session is up. When no
   * other send is under way, the change's first UPDATEs are written before this returns: a helper's
   * line goes out in the tick that read it, ahead of the line's own `done` (which only waits in the
   * helper's stdin queue until the end of the tick) and with no microtask hop on the way.
   */
  announce(change: SendChange): void {
    if (this.fsm.state !== 'Established' || (!change.withdraw.length && !change.announce.length)) return;
    this.enqueue(() => this.sendRib(change.withdraw, change.announce, [], false), true);
  }

  /**
   * RIB sends and API-initiated messages go out one after the other, in the order asked: a full
   * table yields to the event loop while it is written, and an End-of-RIB asked for after some
   * routes must not overtake them. Jobs of a session that has since gone down are skipped.
   */
  private enqueue(job: () => unknown, nowWhenIdle = false): void {
    const generation = this.generation;
    const run = () => (this.generation === generation && !this.disposed ? job() : undefined);
    // At once only with nothing queued before it (order is kept) and not from inside the FSM's
    // effects: the send feeds UpdateSent to the FSM, which must not be re-entered (header).
    // Otherwise it starts a microtask after its turn, out of whatever is running now.
    const now = nowWhenIdle && this.sendsInFlight === 0 && !this.inEffects;
    this.sendsInFlight++;
    this.sends$.next(now ? run : () => Promise.resolve().then(run));
  }

  private feed(e: FsmEvent): void {
    if (!this.disposed) this.commands$.next(e);
  }

  private emit(e: SessionEvent): void {
    if (!this.disposed) this.events$.next(e);
  }

  /** This connection is the session's now: its events feed the FSM (and the previous one's stop). */
  private bind(conn: Connection): void {
    this.conn = conn;
    this.conn$.next(conn);
  }

  /** The connection is gone or dropped: whatever it still reports is not listened to. */
  private unbind(): void {
    this.conn = undefined;
    this.conn$.next(undefined);
  }

  /**
   * A connection's events as FSM events (RFC 4271 Events 16, 18, 19-28), with what the session logs
   * and counts on the way. One TCP chunk gives as many events as it holds messages: mapped here in
   * one subscriber rather than with concatMap, which would subscribe an inner stream per chunk.
   */
  private fromConnection(conn: Connection): Observable<FsmEvent> {
    return new Observable<FsmEvent>((subscriber) => {
      let up = conn.direction === 'incoming';
      // Where the peer sees us, for the log when it closes before its OPEN (the socket forgets it once closed).
      let local = up ? conn.localAddress : undefined;
      return conn.events().subscribe((e) => {
        switch (e.kind) {
          case 'connected':
            up = true;
            local = conn.localAddress;
            this.opts.connectFailures?.connected('outgoing');
            this.emit({ kind: 'connected', localAddress: conn.localAddress ?? '', peerAddress: conn.remoteAddress ?? '' });
            subscriber.next({ type: 'TcpCrAcked' });
            return;
          case 'frames':
            this.decode(conn, e.frames, subscriber);
            return;
          case 'framing-error':
            subscriber.next({ type: 'MessageError', error: e.error });
            return;
          case 'closed':
            this.opts.log.debug(`${this.opts.name}: ${e.reason}`);
            if (!up) this.opts.connectFailures?.failed(connectErrorText(e.error, e.reason, this.opts.endpoint.localAddress));
            // Up, but no OPEN came and no NOTIFICATION (it would have closed the connection on our side):
            // the peer does not take us as a neighbor, most likely. Silent at the default level before.
            else if (this.openSeenOn !== conn) this.opts.connectFailures?.closedBeforeOpen(conn.direction, local, e.error?.code === 'ECONNRESET' ? 'reset' : 'closed');
            // The connection reports nothing more: no need to unsubscribe it (this very event is on its way).
            this.conn = undefined;
            subscriber.next({ type: 'TcpConnectionFails' });
            return;
        }
      });
    });
  }

  /**
   * The messages of one TCP chunk, decoded one at a time as the FSM takes them: an OPEN and a
   * KEEPALIVE in the chunk establish the session before the UPDATE after them is decoded with the
   * negotiated context. Stops when a message closed the connection (`out` was unsubscribed) or
   * could not be decoded (MessageError, RFC 4271 §6).
   */
  private decode(conn: Connection, frames: readonly Buffer[], out: Subscriber<FsmEvent>): void {
    for (const frame of frames) {
      if (out.closed || this.conn !== conn) return;
      let message: Message;
      try {
        message = decodeMessage(frame, this.rxCtx);
      } catch (e) {
        const { error, bug } = asBgpError(e, frame);
        if (bug) this.opts.log.error(`${this.opts.name}: decoder bug on ${frame.subarray(0, 64).toString('hex')}: ${e instanceof Error ? e.stack : String(e)}`);
        out.next({ type: 'MessageError', error });
        return;
      }
      this.opts.counters?.receivedMessage(message);
      if (message.type === 'open') {
        this.openSeenOn = conn;
        this.opts.connectFailures?.opened();
      }
      if (message.type === 'notification') logNotification(this.opts.log, this.opts.name, 'received', message);
      out.next({ type: 'Message', message, raw: frame });
    }
  }

  /** Carries out one effect of the FSM; `raw`: the bytes of the received message that caused it. */
  private perform(e: Effect, raw: Buffer | undefined): void {
    switch (e.kind) {
      case 'send':
        this.write(e.message);
        return;
      case 'connect':
        this.conn?.close();
        this.bind((this.opts.connect ?? openConnection)(this.opts.endpoint, this.opts.scheduler));
        return;
      case 'close':
        // Connect, ConnectRetryTimer expired (RFC 4271 Event 9) with our SYN still unanswered: a timeout.
        if (this.fsm.state === 'Connect' && this.conn?.connecting) this.opts.connectFailures?.failed(`timeout (no answer in ${this.opts.settings.connectRetryTime}s)`);
        this.conn?.close();
        this.unbind();
        return;
      case 'state':
        this.opts.log.debug(`${this.opts.name}: ${e.from} -> ${e.to}`);
        this.emit({ kind: 'fsm', from: e.from, to: e.to });
        return;
      case 'established':
        this.onEstablished(e.negotiated);
        return;
      case 'down':
        this.generation++;
        this.negotiated = undefined;
        this.establishedAt = undefined;
        this.rxCtx = DEFAULT_CONTEXT;
        this.opts.importer?.close();
        this.opts.ribIn.clear();
        this.emit({ kind: 'down', reason: e.reason, sent: e.sent, ...(e.notification ? { notification: e.notification } : {}) });
        return;
      case 'update':
        if (this.opts.importer?.active) {
          // The policies may change, split, hold or drop it: the wire's copy is reported first (MRT records it).
          if (raw) this.emit({ kind: 'wire-update', message: e.message, raw });
          this.opts.importer.receive(e.message, raw);
        } else this.store(e.message, raw);
        return;
      case 'refresh':
        this.emit({ kind: 'message', message: e.message, direction: 'receive', ...(raw ? { raw } : {}) });
        this.onRouteRefresh(e.message);
        return;
      case 'received':
        this.emit({ kind: 'message', message: e.message, direction: 'receive', ...(raw ? { raw } : {}) });
        return;
      case 'timer-start':
      case 'timer-stop':
        return; // runFsm carries out timers itself
    }
  }

  /** Keeps what the peer sent (after import policies when `imported`) and reports it. */
  private store(message: UpdateMessage, raw: Buffer | undefined, onlyChanges = false, imported = false): void {
    const from = imported ? ({ imported: true } as const) : {};
    if (onlyChanges) {
      // Routes already held, run through changed import policies: only what changes is news.
      const changes = this.opts.ribIn.changesOf(message);
      if (!changes) return;
      this.opts.ribIn.apply(changes);
      this.emit({ kind: 'update', message: changes, direction: 'receive', ...from });
      return;
    }
    this.opts.ribIn.apply(message);
    this.emit({ kind: 'update', message, direction: 'receive', ...(raw ? { raw } : {}), ...from });
  }

  private write(message: Message): void {
    if (!this.conn) return;
    const ctx = this.negotiated ? this.txContext(this.negotiated) : DEFAULT_CONTEXT;
    const raw = encodeMessage(message, ctx);
    this.conn.write(raw);
    this.opts.counters?.sentMessages(message.type);
    if (message.type === 'notification') logNotification(this.opts.log, this.opts.name, 'sent', message);
    if (message.type === 'update') this.opts.counters?.sentPrefixes(message.announced.reduce((n, l) => n + nlriCount(l), 0), message.withdrawn.reduce((n, l) => n + nlriCount(l), 0));
    if (message.type === 'update') {
      if (this.reportSent) this.emit({ kind: 'update', message, direction: 'send', raw });
    } else if (message.type !== 'keepalive' || this.reportSent) this.emit({ kind: 'message', message, direction: 'send', raw });
  }

  private txContext(n: Negotiated): CodecContext {
    return this.withNlri({ asn4: n.asn4, extendedMessage: n.extendedMessage, addPath: n.addPathSend, aigp: this.aigpSession() });
  }

  /** RFC 7311 §3 AIGP_SESSION: as configured, else enabled for internal peers only ("MUST" default). */
  private aigpSession(): boolean {
    const s = this.opts.settings;
    return s.aigp ?? s.peerAs === s.localAs;
  }

  private withNlri(ctx: CodecContext): CodecContext {
    return this.opts.nlri ? { ...ctx, nlri: this.opts.nlri } : ctx;
  }

  private onEstablished(n: Negotiated): void {
    this.negotiated = n;
    this.establishedAt = Date.now();
    // RFC 7606 handles some attributes by the peer's kind (§7.5: LOCAL_PREF from an external peer).
    const external = this.opts.settings.peerAs !== this.opts.settings.localAs;
    this.rxCtx = this.withNlri({ asn4: n.asn4, extendedMessage: n.extendedMessage, addPath: n.addPathReceive, external, aigp: this.aigpSession() });
    if (n.extendedMessage) this.conn?.setMaxMessageLength(MAX_EXTENDED_MESSAGE_LENGTH);
    const generation = this.generation;
    const refresh = n.routeRefresh ? { refresh: () => n.families.forEach((f) => this.requestRouteRefresh(f)) } : {};
    this.opts.importer?.open({ accept: (batch, raw, onlyChanges) => (this.generation === generation ? this.store(batch, raw, onlyChanges, true) : undefined), ...refresh });
    this.emit({ kind: 'up', negotiated: n, localAddress: this.conn?.localAddress ?? '' });
    this.enqueue(async () => {
      // A duration on the session's clock (wall time unless a test gave a virtual one).
      const clock = this.opts.scheduler ?? asyncScheduler;
      const started = clock.now();
      const r = await this.sendRib([], this.opts.ribOut.groups(), n.families);
      if (r) this.emit({ kind: 'rib-sent', prefixes: r.prefixes, messages: r.messages, seconds: (clock.now() - started) / 1000 });
    });
  }

  /** RFC 2918 / RFC 7313: re-send the family's routes (between BoRR and EoRR when enhanced). */
  private onRouteRefresh(m: RouteRefreshMessage): void {
    const n = this.negotiated;
    if (!n || m.subtype !== RouteRefreshSubtype.NORMAL) return;
    const fk = familyKey(m.afi, m.safi);
    if (!n.families.some((f) => familyKey(f.afi, f.safi) === fk)) {
      this.opts.log.warn(`${this.opts.name}: ROUTE-REFRESH for a family not negotiated (afi ${m.afi} safi ${m.safi}), ignored`);
      return;
    }
    const enhanced = n.enhancedRouteRefresh;
    this.enqueue(async () => {
      if (enhanced) this.write({ type: 'route-refresh', afi: m.afi, safi: m.safi, subtype: RouteRefreshSubtype.BORR });
      const groups = [...this.opts.ribOut.groups()].filter((g) => familyKey(g.afi, g.safi) === fk);
      await this.sendRib([], groups, []);
      if (enhanced && this.fsm.state === 'Established') this.write({ type: 'route-refresh', afi: m.afi, safi: m.safi, subtype: RouteRefreshSubtype.EORR });
    });
  }

  /** What every send of this session and connection encodes with: made once, not per API line. */
  private sendContextOf(n: Negotiated, conn: Connection): SendContext {
    const kept = this.sendContext;
    if (kept?.negotiated === n && kept.conn === conn) return kept.ctx;
    const local = conn.localAddress;
    const localFamily = local ? ipFamily(local) : undefined;
    const ctx: SendContext = {
      codec: this.txContext(n),
      maxLength: n.extendedMessage ? MAX_EXTENDED_MESSAGE_LENGTH : MAX_MESSAGE_LENGTH,
      localAs: this.opts.settings.localAs,
      peerAs: this.opts.settings.peerAs,
      families: new Set(n.families.map((f) => familyKey(f.afi, f.safi))),
      ...(n.extendedNextHopSend ? { extendedNextHop: n.extendedNextHopSend } : {}),
      ...(localFamily === 1 ? { selfIpv4: local } : {}),
      ...(localFamily === 2 ? { selfIpv6: local } : {}),
    };
    this.sendContext = { negotiated: n, conn, ctx };
    return ctx;
  }

  private async sendRib(withdraws: Parameters<typeof sendRoutes>[2], groups: Parameters<typeof sendRoutes>[3], endOfRib: readonly Family[], yieldFirst = true) {
    const n = this.negotiated;
    const conn = this.conn;
    if (!n || !conn) return undefined;
    const generation = this.generation;
    const ctx = this.sendContextOf(n, conn);
    const result = await sendRoutes(
      {
        write: (b) => conn.write(b),
        drained: () => conn.drained(),
        alive: () => this.generation === generation && this.conn === conn && conn.isOpen,
        wrote: () => this.feed({ type: 'UpdateSent' }),
        scheduler: this.opts.scheduler ?? eventLoopScheduler,
        counted: (c) => {
          this.opts.counters?.sentMessages('update', c.messages);
          this.opts.counters?.sentPrefixes(c.announced, c.withdrawn);
        },
        ...(this.reportSent ? { sent: (bytes: Buffer) => this.reportSentBytes(bytes, ctx.codec) } : {}),
        refused: (what, why) => this.opts.log.error(`${this.opts.name}: ${what} not sent: ${why}`),
      },
      ctx,
      withdraws,
      groups,
      endOfRib,
      yieldFirst,
    );
    for (const self of [ctx.selfIpv4, ctx.selfIpv6]) {
      if (self && isLoopback(self) && !this.warnedLoopbackNextHop && this.opts.ribOut.usesSelfNextHop()) {
        this.warnedLoopbackNextHop = true;
        this.opts.log.info(`${this.opts.name}: next hop "self" is the loopback address ${self}: GoBGP and FRR reject such routes (3/8 Invalid NEXT_HOP); configure an explicit nextHop`);
      }
    }
    // RFC 4760 §8: routes of a family the peer did not advertise are not sent; one line per family says how many stay back.
    for (const [fk, count] of result.skipped) {
      const family = formatFamily(fk >> 8, fk & 255);
      this.opts.log.warn(`${this.opts.name}: ${count} ${family} route${count === 1 ? '' : 's'} not sent: the peer did not negotiate ${family}`);
    }
    return result;
  }
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
