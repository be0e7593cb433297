/**
 * A minimal test-side BGP speaker for FlowSpec (RFC 8955, RFC 8956), for interop tests until the
 * daemon carries flow families itself. It connects to a real daemon on loopback, sends an OPEN
 * with the multiprotocol capabilities for the flow families asked for (RFC 4760), answers the
 * peer's OPEN and KEEPALIVEs, and sends UPDATEs whose MP_REACH / MP_UNREACH carry rules encoded
 * by lib/families/flowspec (from ExaBGP command text via parseFlowRoute). It keeps every UPDATE
 * and NOTIFICATION the daemon sends, so tests can decode what a daemon originates, and notices a
 * session the daemon closes (the sign that it refused what we sent).
 *
 * Test-only and deliberately small: no FSM, no collision handling, one session per instance.
 *
 * Reuse (the FlowSpec family's own interop tests): the recipes (flow-daemons.ts), the daemon views
 * (daemon-views.ts) and the rules with what each daemon shows (flow-rules.ts) do not depend on
 * this speaker. Put rxbgp where it stands (neighbor 127.0.0.x of the recipe, connecting to the
 * daemon's port), give it `announce flow route ${c.text}` for each FlowCase, and assert the same
 * views; `RawFlowSpeaker` stays useful as the receiving side for rules rxbgp sends, and
 * exabgp-oracle.ts compares any UPDATE bytes with `exabgp --decode`.
 */
import net from 'net';
import { parseFlowRoute, type FlowFamily, type FlowRouteOptions } from '../../../lib/families/flowspec';
import { Framer } from '../../../lib/wire/framer';
import { encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { flowUpdateMessage, type FlowUpdate } from '../../families/flowspec/helpers/build-update';
import { pollUntil } from '../harness/poll';

export interface RawFlowSpeakerOptions {
  /** The daemon's address and BGP port (it listens; we connect). */
  readonly host: string;
  readonly port: number;
  /** The address we speak from: the daemon's configured neighbor. */
  readonly localAddress: string;
  readonly asn: number;
  readonly bgpId: string;
  /** Families to offer in the OPEN (RFC 4760 §8); default ipv4 flow and ipv6 flow. */
  readonly families?: readonly FlowFamily[];
  readonly holdTime?: number;
}

export const FLOW4: FlowFamily = { afi: 1, safi: 133 };
export const FLOW6: FlowFamily = { afi: 2, safi: 133 };
export const FLOW4_VPN: FlowFamily = { afi: 1, safi: 134 };
export const FLOW6_VPN: FlowFamily = { afi: 2, safi: 134 };

/** BGP message types, RFC 4271 §4.1. */
const OPEN = 1;
const UPDATE = 2;
const NOTIFICATION = 3;

/**
 * An UPDATE for one ExaBGP flow command ("match ... then ..." text after `flow route`), with the
 * action extended communities parseFlowRoute derived. Throws with the parser's message on bad text.
 */
export function flowUpdateFromCommand(text: string, options: FlowRouteOptions = {}, withdraw = false): FlowUpdate {
  const parsed = parseFlowRoute(text, options);
  if (!parsed.ok) throw new Error(`flow route "${text}": ${parsed.error}`);
  const { family, rule, actions } = parsed.route;
  return {
    family,
    rules: [rule],
    withdraw,
    // "self" has no meaning without a session address: such a next hop is left out (length 0, RFC 8955 §4).
    nextHop: actions.nextHop === 'self' ? undefined : actions.nextHop,
    extendedCommunities: withdraw ? undefined : actions.extendedCommunities,
    ipv6ExtendedCommunities: withdraw ? undefined : actions.ipv6ExtendedCommunities,
    communities: withdraw ? undefined : actions.communities,
  };
}

export class RawFlowSpeaker {
  /** Every UPDATE the daemon sent (whole messages, header included). */
  readonly updates: Buffer[] = [];
  /** Every NOTIFICATION the daemon sent, as hex of code, subcode and data. */
  readonly notifications: string[] = [];
  /** Every UPDATE we sent, hex, for discrepancy reports. */
  readonly sent: string[] = [];
  /** The families the daemon's OPEN offered, as "afi/safi". */
  peerFamilies: string[] = [];
  private established = false;
  private openSeen = false;
  private closedWhy: string | undefined;
  private readonly socket: net.Socket;
  private readonly framer = new Framer();
  private keepalives: NodeJS.Timeout | undefined;

  private constructor(private readonly options: RawFlowSpeakerOptions) {
    this.socket = net.connect({ host: options.host, port: options.port, localAddress: options.localAddress });
    this.socket.on('connect', () => this.sendOpen());
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', (err) => this.closed(`socket error: ${err.message}`));
    this.socket.on('close', () => this.closed('the daemon closed the TCP connection'));
  }

  /** Connects and resolves once the session is Established (the peer's OPEN and first KEEPALIVE seen). */
  static async connect(options: RawFlowSpeakerOptions, timeoutMs = 20000): Promise<RawFlowSpeaker> {
    const speaker = new RawFlowSpeaker(options);
    try {
      await pollUntil(`a FlowSpec session with ${options.host}:${options.port}`, () => (speaker.established ? true : undefined), {
        timeoutMs,
        intervalMs: 50,
        abort: () => speaker.closedWhy,
        context: () => `notifications: ${speaker.notifications.join(', ') || 'none'}`,
      });
    } catch (err) {
      speaker.close();
      throw err;
    }
    return speaker;
  }

  /** Why the session ended, or undefined while it is up. */
  get closedReason(): string | undefined {
    return this.closedWhy;
  }

  /** Sends one UPDATE and returns its bytes (hex). */
  send(update: FlowUpdate): string {
    if (this.closedWhy) throw new Error(`cannot send: the session is down (${this.closedWhy})`);
    const message = flowUpdateMessage(update);
    this.socket.write(message);
    const hex = message.toString('hex');
    this.sent.push(hex);
    return hex;
  }

  announce(text: string, options: FlowRouteOptions = {}): string {
    return this.send(flowUpdateFromCommand(text, options));
  }

  withdraw(text: string, options: FlowRouteOptions = {}): string {
    return this.send(flowUpdateFromCommand(text, options, true));
  }

  /** Waits until `enough` holds for the UPDATEs received so far. */
  async waitForUpdates(what: string, enough: (updates: readonly Buffer[]) => boolean, timeoutMs = 20000): Promise<readonly Buffer[]> {
    return pollUntil(what, () => (enough(this.updates) ? this.updates : undefined), {
      timeoutMs,
      intervalMs: 100,
      abort: () => this.closedWhy,
      context: () => `${this.updates.length} UPDATEs so far`,
    });
  }

  close(): void {
    if (this.keepalives) clearInterval(this.keepalives);
    this.closedWhy ??= 'closed by the test';
    this.socket.destroy();
  }

  private sendOpen(): void {
    const families = this.options.families ?? [FLOW4, FLOW6];
    this.socket.write(
      encodeMessage(
        {
          type: 'open',
          version: 4,
          myAs: this.options.asn > 0xffff ? 23456 : this.options.asn,
          holdTime: this.options.holdTime ?? 90,
          bgpId: this.options.bgpId,
          capabilities: [
            ...families.map((f) => ({ kind: 'multiprotocol' as const, afi: f.afi, safi: f.safi })),
            { kind: 'route-refresh' as const },
            { kind: 'asn4' as const, asn: this.options.asn },
          ],
        },
        DEFAULT_CONTEXT,
      ),
    );
  }

  private receive(chunk: Buffer): void {
    let messages: Buffer[];
    try {
      messages = this.framer.push(chunk);
    } catch (err) {
      this.closed(`unframeable bytes from the daemon: ${String(err)}`);
      this.socket.destroy();
      return;
    }
    for (const message of messages) {
      const type = message[18];
      if (type === OPEN) {
        this.openSeen = true;
        this.peerFamilies = openFamilies(message);
        this.socket.write(encodeMessage({ type: 'keepalive' }, DEFAULT_CONTEXT)); // RFC 4271 §8.2.2: OPEN -> KEEPALIVE
        const hold = Math.min(message.readUInt16BE(22), this.options.holdTime ?? 90);
        const every = Math.max(1000, (hold * 1000) / 3);
        this.keepalives = setInterval(() => this.socket.write(encodeMessage({ type: 'keepalive' }, DEFAULT_CONTEXT)), every);
      } else if (type === UPDATE) {
        this.updates.push(Buffer.from(message));
      } else if (type === NOTIFICATION) {
        const body = message.subarray(19).toString('hex');
        this.notifications.push(body);
        this.closed(`the daemon sent NOTIFICATION ${body}`);
      } else if (type === 4 && this.openSeen) {
        this.established = true;
      }
    }
  }

  private closed(why: string): void {
    if (this.keepalives) clearInterval(this.keepalives);
    this.established = false;
    this.closedWhy ??= why;
  }
}

/** The (AFI, SAFI) pairs of the multiprotocol capabilities (code 1) in an OPEN. */
function openFamilies(open: Buffer): string[] {
  const out: string[] = [];
  let at = 29;
  const end = 29 + open[28];
  while (at < end) {
    const paramType = open[at];
    const paramLength = open[at + 1];
    if (paramType === 2) {
      let c = at + 2;
      while (c < at + 2 + paramLength) {
        const code = open[c];
        const length = open[c + 1];
        if (code === 1) out.push(`${open.readUInt16BE(c + 2)}/${open[c + 5]}`);
        c += 2 + length;
      }
    }
    at += 2 + paramLength;
  }
  return out;
}
