/**
 * Carries out ExaBGP text API commands (from helper processes, the control socket and `rxbgp cli`)
 * on the daemon's neighbors. Every command gets an answer: output lines plus ok (`done`) or not
 * (`error`); a malformed or unknown command is an error with the reason, never an exception.
 */
import { parseCommand } from '../api/commands/parse-command';
import type { Command, NeighborSelector, RouteSpec } from '../api/commands/types';
import { formatFamily } from '../config';
import { ErrorCode } from '../wire/iana';
import { familyKey } from '../wire/types';
import { notificationText } from '../wire/notification';
import type { Log } from '../session/log';
import type { Neighbor } from '../neighbor/neighbor';
import type { Daemon } from '../daemon/daemon';
import { routeReach, type RouteReach } from './family-reach';
import { routeText } from './route-text';

export interface CommandAnswer {
  readonly ok: boolean;
  readonly lines: string[];
  /**
   * The real answer of a command that finishes after execute() returns (a reload applying a new
   * config); `ok` and `lines` then only say it was accepted. The control socket, helpers and the
   * Kafka source wait for it and send it instead (see finalAnswer).
   */
  readonly final?: Promise<CommandAnswer>;
}

export interface DaemonControl {
  shutdown(): void;
  /** Reads the config again and applies it: answers what changed, or why nothing did (the config's errors); no answer means done. */
  reload(): CommandAnswer | Promise<CommandAnswer> | void;
  restart(): void;
}

/** The answer to send back for a command: its final one when it finishes later (CommandAnswer.final). */
export function finalAnswer(answer: CommandAnswer): CommandAnswer | Promise<CommandAnswer> {
  return answer.final ?? answer;
}

/** The commands and what each does: `help` answers them in two columns (rxbgp cli help, rxbgp cli --help). */
const COMMANDS: ReadonlyArray<readonly [syntax: string, what?: string]> = [
  ['announce route <prefix> next-hop <ip|self> [attributes]', 'announce a route'],
  ['withdraw route <prefix> [next-hop <ip>]', 'withdraw a route'],
  ['announce attributes <attributes> nlri <prefix> ...', 'announce many prefixes with one attribute set'],
  ['withdraw attributes <attributes> nlri <prefix> ...', 'withdraw many prefixes'],
  ['announce flow route <match> <actions>', 'announce a FlowSpec rule (RFC 8955; docs/flowspec.md)'],
  ['withdraw flow route <match>', 'withdraw a FlowSpec rule'],
  ['announce eor [<afi> <safi>]', 'send End-of-RIB'],
  ['announce route-refresh <afi> <safi>', 'ask the peer for its routes again'],
  ['announce watchdog <name> / withdraw watchdog <name>', 'announce or withdraw the routes of a watchdog'],
  ['neighbor <ip> [local-ip|local-as|peer-as|router-id <v>] <command>', 'apply to some neighbors (comma-separated; neighbor * for all)'],
  ['teardown <subcode>', 'Cease the session(s) with this subcode'],
  ['show neighbor [<ip>] summary|extensive|configuration [json]'],
  ['show adj-rib in|out [extensive]'],
  ['show metrics', 'Prometheus metrics (control socket: rxbgp cli show metrics)'],
  ['show daemon', 'the config file, control socket, pid and version (control socket)'],
  ['flush adj-rib out / clear adj-rib [in|out]'],
  ['shutdown / reload / restart / version / help'],
  ['enable-ack / disable-ack / silence-ack'],
];

/** Where the descriptions start: after the longest syntax that leaves room; a longer one has its description on the next line. */
export const HELP_COLUMN = 58;

/** The answer to `help`, one row per command (two for a syntax too long for the column). */
export const HELP_TEXT: string[] = COMMANDS.flatMap(([syntax, what]) => {
  if (!what) return [syntax];
  if (syntax.length + 2 <= HELP_COLUMN) return [syntax.padEnd(HELP_COLUMN) + what];
  return [syntax, ' '.repeat(HELP_COLUMN) + what];
});

export class CommandExecutor {
  /**
   * Route commands not applied yet: a helper's stdout chunk of 1,000 `announce route` lines becomes
   * one Adj-RIB-Out change per neighbor, not 1,000. Runs of one kind keep announce/withdraw order.
   */
  private pending: { kind: 'announce' | 'withdraw'; routes: Map<Neighbor, RouteSpec[]> } | undefined;

  /** Applies the route commands deferred by execute(..., defer = true). */
  flush(): void {
    // The neighbors a helper reaches, and which of them carry each family, are worked out again
    // after each batch (a reload, a session going down or up may change them).
    this.scoped = undefined;
    this.reached.clear();
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    for (const [n, routes] of p.routes) {
      if (p.kind === 'announce') n.announceApi(routes);
      else n.withdrawApi(routes);
    }
  }

  /** defer() of one route to each of `ns`: what a helper's one-rule line is, with no map made for it. */
  private deferOne(kind: 'announce' | 'withdraw', ns: readonly Neighbor[], route: RouteSpec): void {
    if (this.pending && this.pending.kind !== kind) this.flush();
    if (!this.pending) this.pending = { kind, routes: new Map() };
    for (const n of ns) {
      const list = this.pending.routes.get(n);
      if (list) list.push(route);
      else this.pending.routes.set(n, [route]);
    }
  }

  /**
   * A one-route command (no watchdog) to the neighbors the batch's earlier routes of its family
   * reached: deferred at once, true. False when it takes the general path (routeReach), which also
   * remembers the neighbors it reached for the next line.
   */
  private deferKnown(kind: 'announce' | 'withdraw', ns: readonly Neighbor[], routes: readonly RouteSpec[]): boolean {
    if (routes.length !== 1 || ns !== this.scoped?.neighbors) return false;
    const route = routes[0];
    if (route.watchdog !== undefined) return false;
    const reached = this.reached.get(familyKey(route.afi, route.safi) * 2 + (kind === 'announce' ? 1 : 0));
    if (reached === undefined) return false;
    this.deferOne(kind, reached, route);
    return true;
  }

  /** Remembers which of the scoped neighbors a one-family command reached (see `reached`). */
  private rememberReach(kind: 'announce' | 'withdraw', ns: readonly Neighbor[], routes: readonly RouteSpec[], reach: RouteReach): void {
    if (routes.length !== 1 || ns !== this.scoped?.neighbors || reach.refused.length) return;
    this.reached.set(familyKey(routes[0].afi, routes[0].safi) * 2 + (kind === 'announce' ? 1 : 0), [...reach.routes.keys()]);
  }

  private defer(kind: 'announce' | 'withdraw', routes: ReadonlyMap<Neighbor, readonly RouteSpec[]>): void {
    if (this.pending && this.pending.kind !== kind) this.flush();
    if (!this.pending) this.pending = { kind, routes: new Map() };
    for (const [n, rs] of routes) {
      if (!rs.length) continue;
      const list = this.pending.routes.get(n);
      if (list) for (const r of rs) list.push(r);
      else this.pending.routes.set(n, [...rs]);
    }
  }

  /** The helper process the command being run came from (undefined: control socket). */
  private scope: string | undefined;
  /**
   * The neighbors `scope` reaches, while route commands are deferred: a helper's chunk of 500 flow
   * lines selects them once, not once per line. Dropped by flush(), which runs before any other
   * command (a reload, a teardown) and after each chunk, so no command sees a stale list.
   */
  private scoped: { readonly scope: string | undefined; readonly neighbors: Neighbor[] } | undefined;
  /**
   * Of the `scoped` neighbors, the ones a family reaches, by familyKey * 2 + (announce ? 1 : 0)
   * (family-reach.ts): worked out at a batch's first route of the family, dropped with `scoped`.
   * Only families some neighbor carries are kept: a refusal names the route, so it is made per line.
   */
  private readonly reached = new Map<number, readonly Neighbor[]>();
  /** Routes parked under a withdrawn watchdog, per neighbor. */
  private readonly watchdogDown = new Set<string>();
  private readonly watchdogRoutes = new Map<string, Map<Neighbor, RouteSpec[]>>();

  constructor(
    private readonly daemon: Daemon,
    private readonly log: Log,
    private readonly control: DaemonControl,
    private readonly version: string,
  ) {}

  /**
   * One line of the text API. From a helper process (`processName`), commands reach only the
   * neighbors whose api block names that process, as in ExaBGP; from the control socket, all.
   */
  execute(line: string, processName?: string, defer = false): CommandAnswer {
    const parsed = parseCommand(line, processName);
    if (!parsed.ok) return { ok: false, lines: [parsed.error] };
    this.scope = processName;
    try {
      const c = parsed.command;
      // Anything but a route command sees (and is ordered after) the routes before it.
      if (c.kind !== 'announce-route' && c.kind !== 'withdraw-route') this.flush();
      const answer = this.run(c);
      if (!defer) this.flush();
      return answer;
    } catch (e) {
      this.log.error(`command "${line.slice(0, 200)}" failed: ${e instanceof Error ? e.stack : String(e)}`);
      return { ok: false, lines: [`internal error: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }

  private run(c: Command): CommandAnswer {
    switch (c.kind) {
      case 'comment':
      case 'ack':
        return done();
      case 'announce-route':
        return this.announce(this.select(c.selectors), c.routes);
      case 'withdraw-route':
        return this.withdraw(this.select(c.selectors), c.routes);
      case 'announce-eor': {
        const ns = this.select(c.selectors);
        let sent = 0;
        for (const n of ns) {
          const families = c.family ? [c.family] : (n.session.negotiatedSession?.families ?? []);
          for (const f of families) if (n.session.sendEndOfRib(f)) sent++;
        }
        return sent > 0 ? done() : fail(c.family ? `no established session negotiated ${formatFamily(c.family.afi, c.family.safi)}` : 'no established session');
      }
      case 'announce-route-refresh': {
        const sent = this.select(c.selectors).filter((n) => n.session.requestRouteRefresh(c.family)).length;
        return sent > 0 ? done() : fail(`no established session negotiated route refresh for ${formatFamily(c.family.afi, c.family.safi)}`);
      }
      case 'announce-watchdog':
        return this.watchdog(c.name, true, this.select(c.selectors));
      case 'withdraw-watchdog':
        return this.watchdog(c.name, false, this.select(c.selectors));
      case 'teardown': {
        const ns = this.select(c.selectors);
        for (const n of ns) n.session.teardown(c.subcode);
        return ns.length ? done([`${ns.length} session(s) sent ${notificationText(ErrorCode.CEASE, c.subcode)}`]) : fail('no neighbor matched');
      }
      case 'show-neighbor':
        return done(this.showNeighbors(c.address, c.mode, c.json));
      case 'show-adj-rib':
        return done(this.showAdjRib(this.select(c.selectors), c.direction, c.extensive));
      case 'flush-adj-rib-out':
        for (const n of this.select(c.selectors)) n.session.resendAll();
        return done();
      case 'clear-adj-rib':
        for (const n of this.select(c.selectors)) {
          if (c.direction !== 'in') n.clearApi();
          if (c.direction !== 'out') {
            n.ribIn.clear();
            this.daemon.ribInCleared(n);
          }
        }
        return done();
      case 'shutdown':
        this.control.shutdown();
        return done();
      case 'reload': {
        const answer = this.control.reload();
        return answer instanceof Promise ? { ok: true, lines: [], final: answer } : (answer ?? done());
      }
      case 'restart':
        this.control.restart();
        return done();
      case 'version':
        return done([`rxbgp ${this.version}`]);
      case 'help':
        return done(HELP_TEXT);
    }
  }

  /** Each route goes to the selected neighbors that can carry its family (family-reach.ts); a family none can carry refuses the command. */
  private announce(ns: Neighbor[], routes: readonly RouteSpec[]): CommandAnswer {
    if (!ns.length) return fail('no neighbor matched');
    if (this.deferKnown('announce', ns, routes)) return done();
    const reach = routeReach(ns, routes, 'announce');
    if (reach.refused.length) return { ok: false, lines: reach.refused };
    this.rememberReach('announce', ns, routes, reach);
    // Nearly every command has no watchdog: its routes go on as they are, with no copy or filter.
    if (routes.some((r) => r.watchdog !== undefined)) {
      const live = (r: RouteSpec) => !r.watchdog || !this.watchdogDown.has(r.watchdog);
      for (const [n, rs] of reach.routes) {
        for (const r of rs) if (r.watchdog) this.remember(r.watchdog, n, r);
        reach.routes.set(n, rs.filter(live));
      }
    }
    this.defer('announce', reach.routes);
    return done();
  }

  private withdraw(ns: Neighbor[], routes: readonly RouteSpec[]): CommandAnswer {
    if (!ns.length) return fail('no neighbor matched');
    if (this.deferKnown('withdraw', ns, routes)) return done();
    const reach = routeReach(ns, routes, 'withdraw');
    if (reach.refused.length) return { ok: false, lines: reach.refused };
    this.rememberReach('withdraw', ns, routes, reach);
    this.defer('withdraw', reach.routes);
    return done();
  }

  /**
   * ExaBGP watchdogs: routes tagged with a name, withdrawn and announced again together. Announced
   * again only where the family can still be carried (the session may have come back with other
   * families); routes that cannot are named in an error answer and stay parked under the watchdog.
   */
  private watchdog(name: string, up: boolean, ns: Neighbor[]): CommandAnswer {
    if (up) this.watchdogDown.delete(name);
    else this.watchdogDown.add(name);
    const routes = this.watchdogRoutes.get(name);
    const refused: string[] = [];
    const changes = new Map<Neighbor, readonly RouteSpec[]>();
    for (const n of ns) {
      const rs = routes?.get(n) ?? [];
      if (!up) {
        changes.set(n, rs);
        continue;
      }
      const reach = routeReach([n], rs, 'announce');
      refused.push(...reach.refused.map((line) => `watchdog ${name}: ${line}`));
      changes.set(n, reach.routes.get(n) ?? []);
    }
    // Applied with the route commands (flush()): a helper's `done` comes before the UPDATEs it
    // causes and their `send` events, as for `announce route`.
    this.defer(up ? 'announce' : 'withdraw', changes);
    return refused.length ? { ok: false, lines: refused } : done();
  }

  private remember(name: string, n: Neighbor, r: RouteSpec): void {
    let byNeighbor = this.watchdogRoutes.get(name);
    if (!byNeighbor) this.watchdogRoutes.set(name, (byNeighbor = new Map()));
    (byNeighbor.get(n) ?? byNeighbor.set(n, []).get(n)!).push(r);
  }

  /** Neighbors matching any of the selectors (all of them without selectors or with `neighbor *`). */
  select(selectors: readonly NeighborSelector[] | undefined): Neighbor[] {
    const all = this.scopedNeighbors();
    if (!selectors || selectors.length === 0) return all;
    return all.filter((n) => selectors.some((s) => matches(n, s)));
  }

  /** Every neighbor the command's source reaches (kept while route commands are deferred: `scoped`). */
  private scopedNeighbors(): Neighbor[] {
    const scope = this.scope;
    const kept = this.scoped;
    if (kept !== undefined && kept.scope === scope) return kept.neighbors;
    const neighbors = scope === undefined ? this.daemon.neighbors : this.daemon.neighbors.filter((n) => this.daemon.configOf(n)?.api.processes.includes(scope));
    this.scoped = { scope, neighbors };
    return neighbors;
  }

  private showNeighbors(address: string | undefined, mode: 'summary' | 'extensive' | 'configuration', json: boolean): string[] {
    const ns = this.daemon.neighbors.filter((n) => !address || n.endpoint.peerAddress === address);
    if (json) return [JSON.stringify(ns.map((n) => neighborJson(n)))];
    if (mode === 'summary') {
      const rows = ns.map((n) => `${pad(n.endpoint.peerAddress, 16)}${pad(String(n.settings.peerAs), 11)}${pad(uptime(n), 10)}${pad(n.state.toLowerCase(), 13)}${pad(String(n.advertisedRoutes), 10, true)}${pad(String(n.ribIn.size), 10, true)}`);
      return [`${pad('Peer', 16)}${pad('AS', 11)}${pad('up/down', 10)}${pad('state', 13)}${pad('#sent', 10, true)}${pad('#recvd', 10, true)}`, ...rows];
    }
    return ns.flatMap((n) => {
      const j = neighborJson(n);
      return [`Neighbor ${n.endpoint.peerAddress}`, ...Object.entries(j).map(([k, v]) => `  ${k.padEnd(20)} ${typeof v === 'string' ? v : JSON.stringify(v)}`)];
    });
  }

  private showAdjRib(ns: Neighbor[], direction: 'in' | 'out', extensive: boolean): string[] {
    const out: string[] = [];
    for (const n of ns) {
      const who = extensive ? `neighbor ${n.endpoint.peerAddress} local-ip ${n.endpoint.localAddress ?? '*'} local-as ${n.settings.localAs} peer-as ${n.settings.peerAs} router-id ${n.settings.routerId}` : `neighbor ${n.endpoint.peerAddress}`;
      if (direction === 'out') {
        for (const g of n.sentRoutes.groups()) for (const p of g.prefixes) out.push(`${who} ${routeText(g.afi, g.safi, p, g.nextHop, g.attributes)}`);
      } else {
        for (const [fk, key, e] of n.ribIn.entries()) {
          // A FlowSpec rule held by validation (RFC 8955 §6) is kept, not accepted: not listed.
          if (!this.daemon.isHeld(n, fk >> 8, fk & 255, key)) out.push(`${who} ${routeText(fk >> 8, fk & 255, key, e.nextHop, e.attributes)}`);
        }
      }
    }
    return out;
  }
}

function matches(n: Neighbor, s: NeighborSelector): boolean {
  if (s.address !== '*' && n.endpoint.peerAddress !== s.address) return false;
  if (s.localIp !== undefined && n.endpoint.localAddress !== s.localIp) return false;
  if (s.localAs !== undefined && n.settings.localAs !== s.localAs) return false;
  if (s.peerAs !== undefined && n.settings.peerAs !== s.peerAs) return false;
  if (s.routerId !== undefined && n.settings.routerId !== s.routerId) return false;
  return true;
}

function neighborJson(n: Neighbor): Record<string, unknown> {
  const neg = n.session.negotiatedSession;
  return {
    'peer-address': n.endpoint.peerAddress,
    'local-address': n.session.connection?.localAddress ?? n.endpoint.localAddress ?? '',
    'local-as': n.settings.localAs,
    'peer-as': n.settings.peerAs,
    'router-id': n.settings.routerId,
    'peer-id': neg?.peerId ?? '',
    state: n.state.toLowerCase(),
    'up-for': uptime(n),
    'hold-time': neg?.holdTime ?? n.settings.holdTime,
    families: (neg?.families ?? n.settings.families).map((f) => formatFamily(f.afi, f.safi)),
    'adj-rib-in': n.ribIn.size,
    'adj-rib-out': n.sentRoutes.size,
  };
}

function uptime(n: Neighbor): string {
  const at = n.session.establishedAt;
  if (at === undefined) return 'down';
  const s = Math.floor((Date.now() - at) / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n - 1) + ' ' : s.padEnd(n);
}

/** The answer of a command with nothing to say: one shared, frozen object (a helper's flood has one per line). */
const DONE: CommandAnswer = Object.freeze({ ok: true, lines: Object.freeze([]) as unknown as string[] });

function done(lines?: string[]): CommandAnswer {
  return lines === undefined ? DONE : { ok: true, lines };
}

function fail(reason: string): CommandAnswer {
  return { ok: false, lines: [reason] };
}
