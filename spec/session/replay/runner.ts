/**
 * Session replay (issue 13, after holo-bgp's conformance tests): a script of inputs is played
 * against one PeerSession over a fake socket in virtual time, and everything the session does
 * that anyone outside could see (the events it emits, the bytes it writes, the socket ends and
 * destroys) is written down, one line each, in order, stamped with the virtual time.
 *
 * Script lines ("#" starts a comment; a line that starts with a blank continues the one above):
 *
 *   settings {json}      PeerSettings fields over the base below (before `start`)
 *   route {json}         a configured route (OutRoute fields, ipv4 unicast by default), before `start`
 *   start                ManualStart (RFC 4271 Event 1; passive by default, so the FSM waits in Active)
 *   report-sent          sent UPDATEs and KEEPALIVEs are reported as events too (a helper's api.send)
 *   accept               transport: an incoming TCP connection is handed to the session (Event 17)
 *   connected [n]        transport: our outgoing connection (settings {"passive": false}) is up (Event 16);
 *                        n: the n-th connection of the script (1 = the first), the latest by default
 *   recv <hex>           one TCP chunk from the peer (spaces and ":" ignored)
 *   advance <ms>         virtual time moves on by ms; every timer due on the way fires
 *   announce {json}      an API route (OutRoute fields): Adj-RIB-Out upsert, the change is sent
 *   withdraw <prefix>    an API withdrawal
 *   stop [subcode]       stop() (6/2 Administrative Shutdown by default); "stopped" is logged when it resolves
 *   closed [n]           transport: the peer closes the TCP connection (Event 18); n as for connected
 *
 * Output lines: `<ms> event <kind> <json>`, `<ms> write <TYPE> <hex>` (one line per BGP message
 * written, so that a batch of UPDATEs in one socket write reads as its messages), `<ms> socket connect`
 * (an outgoing connection opened), `<ms> socket end`, `<ms> socket destroy`, `<ms> stopped`.
 */
import { EventEmitter } from 'events';
import type * as net from 'net';
import { VirtualTimeScheduler } from 'rxjs';
import type { PeerSettings } from '../../../lib/fsm/types';
import { PeerSession } from '../../../lib/session/peer-session';
import { Connection } from '../../../lib/session/connection';
import { silentLog } from '../../../lib/session/log';
import type { SessionEvent } from '../../../lib/events/events';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { AdjRibOut, type OutRoute } from '../../../lib/rib/adj-rib-out';
import { Framer } from '../../../lib/wire/framer';
import { Afi, Safi } from '../../../lib/wire/iana';

/** The base neighbor of every script: we are AS 65001, 192.0.2.1; the peer AS 65002, 192.0.2.2. */
export const BASE_SETTINGS: PeerSettings = {
  localAs: 65001,
  peerAs: 65002,
  routerId: '192.0.2.1',
  holdTime: 90,
  connectRetryTime: 5,
  passive: true,
  delayOpenTime: 0,
  families: [{ afi: Afi.IPV4, safi: Safi.UNICAST }],
  routeRefresh: true,
  extendedMessage: false,
};

const MESSAGE_NAMES: Record<number, string> = { 1: 'OPEN', 2: 'UPDATE', 3: 'NOTIFICATION', 4: 'KEEPALIVE', 5: 'ROUTE-REFRESH' };

/** net.Socket as far as Connection uses it; every write, end and destroy goes to the replay's log. */
class ReplaySocket extends EventEmitter {
  destroyed = false;
  connecting = false;
  writableNeedDrain = false;
  readonly localAddress = '192.0.2.1';
  readonly remoteAddress = '192.0.2.2';
  private readonly framer = new Framer(65535);

  constructor(private readonly out: (line: string) => void) {
    super();
  }

  asSocket(): net.Socket {
    return this as unknown as net.Socket;
  }

  setNoDelay(): this {
    return this;
  }

  write(bytes: Buffer): boolean {
    for (const m of this.framer.push(bytes)) this.out(`write ${MESSAGE_NAMES[m[18]] ?? `type-${m[18]}`} ${m.toString('hex')}`);
    return true;
  }

  end(): this {
    this.out('socket end');
    return this;
  }

  destroy(): this {
    if (!this.destroyed) this.out('socket destroy');
    this.destroyed = true;
    return this;
  }
}

/** JSON of an event with Buffers as hex, made at once (a `raw` view is only valid while the event is handled). */
function eventJson(e: SessionEvent): string {
  const { kind, ...fields } = e;
  return `event ${kind} ${JSON.stringify(fields, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
      return Buffer.from((value as { data: number[] }).data).toString('hex');
    }
    return typeof value === 'bigint' ? value.toString() : value;
  })}`;
}

/** Lets promise continuations run without giving the real event loop a turn. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Runs the virtual clock up to `ms`, settling promises between its actions. */
async function advanceTo(scheduler: VirtualTimeScheduler, ms: number): Promise<void> {
  scheduler.schedule(() => undefined, ms - scheduler.now()); // so the clock reads `ms` afterwards
  scheduler.maxFrames = ms;
  for (;;) {
    scheduler.flush();
    await settle();
    if (!scheduler.actions.some((a) => a.delay <= ms)) return;
  }
}

interface Line {
  readonly number: number;
  readonly verb: string;
  readonly arg: string;
}

/** Script text -> lines (comments and blank lines dropped, continuation lines joined). */
export function parseScript(text: string): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const body = raw.replace(/#.*$/, '');
    if (!body.trim()) return;
    if (/^\s/.test(body)) {
      const last = lines.pop();
      if (!last) throw new Error(`line ${i + 1}: a continuation line with nothing to continue`);
      lines.push({ ...last, arg: `${last.arg} ${body.trim()}`.trim() });
      return;
    }
    const [verb, ...rest] = body.trim().split(/\s+/);
    lines.push({ number: i + 1, verb, arg: rest.join(' ') });
  });
  return lines;
}

function hexBytes(text: string, where: string): Buffer {
  const digits = text.replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) throw new Error(`${where}: not hex: ${text}`);
  return Buffer.from(digits, 'hex');
}

function route(json: string): OutRoute {
  return { afi: Afi.IPV4, safi: Safi.UNICAST, attributes: { origin: 0, asPath: [] }, ...(JSON.parse(json) as Partial<OutRoute>) } as OutRoute;
}

/** Plays a script; returns the output lines (without a trailing newline). */
export async function replay(script: string, name = 'replay'): Promise<string[]> {
  const scheduler = new VirtualTimeScheduler();
  const out: string[] = [];
  const log = (line: string) => out.push(`${scheduler.now()} ${line}`);
  let settings = BASE_SETTINGS;
  const configRoutes: OutRoute[] = [];
  let session: PeerSession | undefined;
  /** Every connection of the script, in order; `recv` goes to the latest. */
  const sockets: ReplaySocket[] = [];
  const nth = (arg: string, where: string): ReplaySocket => {
    const socket = arg ? sockets[Number(arg) - 1] : sockets[sockets.length - 1];
    if (!socket) throw new Error(`${where}: no connection ${arg}`);
    return socket;
  };
  const ribOut = new AdjRibOut();
  const stops: Array<Promise<void>> = [];

  const started = (where: string): PeerSession => {
    if (!session) throw new Error(`${where}: the session is not started`);
    return session;
  };

  for (const { number, verb, arg } of parseScript(script)) {
    const where = `${name} line ${number}`;
    switch (verb) {
      case 'settings':
        if (session) throw new Error(`${where}: settings after start`);
        settings = { ...settings, ...(JSON.parse(arg) as Partial<PeerSettings>) };
        break;
      case 'route':
        if (session) throw new Error(`${where}: route after start`);
        configRoutes.push(route(arg));
        break;
      case 'start':
        ribOut.replaceConfig(configRoutes);
        session = new PeerSession({
          name,
          settings,
          endpoint: { peerAddress: '192.0.2.2', peerPort: 179 },
          ribIn: new AdjRibIn(),
          ribOut,
          log: silentLog,
          scheduler,
          connect: (_endpoint, clock) => {
            log('socket connect');
            const socket = new ReplaySocket(log);
            socket.connecting = true;
            sockets.push(socket);
            return new Connection(socket.asSocket(), 'outgoing', clock);
          },
        });
        session.events$.subscribe((e) => log(eventJson(e)));
        session.start();
        break;
      case 'report-sent':
        started(where).reportSent = true;
        break;
      case 'accept': {
        const socket = new ReplaySocket(log);
        sockets.push(socket);
        started(where).accept(new Connection(socket.asSocket(), 'incoming', scheduler));
        break;
      }
      case 'connected': {
        const socket = nth(arg, where);
        socket.connecting = false;
        socket.emit('connect');
        break;
      }
      case 'recv':
        nth('', where).emit('data', hexBytes(arg, where));
        break;
      case 'advance':
        await advanceTo(scheduler, scheduler.now() + Number(arg));
        break;
      case 'announce':
        started(where).announce(ribOut.upsert([route(arg)]));
        break;
      case 'withdraw':
        started(where).announce(ribOut.remove([{ afi: Afi.IPV4, safi: Safi.UNICAST, prefix: arg }]));
        break;
      case 'stop':
        stops.push(started(where).stop(arg ? Number(arg) : undefined).then(() => void log('stopped')));
        break;
      case 'closed':
        nth(arg, where).emit('close');
        break;
      default:
        throw new Error(`${where}: unknown input "${verb}"`);
    }
    await advanceTo(scheduler, scheduler.now()); // what is due now runs before the next input
  }
  session?.dispose();
  await settle();
  return out;
}
