/**
 * A hand-driven BGP peer over a raw socket, for tests that misbehave on purpose: it sends
 * whatever bytes the test gives and collects the messages it gets back.
 */
import * as net from 'net';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { familyContext } from '../../lib/families/family-context';
import { buildOpen } from '../../lib/fsm/build-open';
import { DEFAULT_CONTEXT, type Message } from '../../lib/wire/types';
import type { PeerSettings } from '../../lib/fsm/types';

export class RawPeer {
  readonly received: Message[] = [];
  closed = false;
  private readonly framer = new Framer(65535);
  /** Every family's NLRI codec, so what the daemon sends of any family is read (not discarded). */
  private static readonly CONTEXT = familyContext({ ...DEFAULT_CONTEXT, extendedMessage: true });

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d) => {
      for (const f of this.framer.push(d)) this.received.push(decodeMessage(f, RawPeer.CONTEXT));
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static connect(host: string, port: number, localAddress: string): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host, port, localAddress }, () => resolve(new RawPeer(s)));
      s.once('error', reject);
    });
  }

  send(m: Message | Buffer): void {
    this.socket.write(Buffer.isBuffer(m) ? m : encodeMessage(m, DEFAULT_CONTEXT));
  }

  open(settings: Partial<PeerSettings> & Pick<PeerSettings, 'localAs' | 'routerId'>): void {
    this.send(
      buildOpen({ peerAs: 0, holdTime: 90, connectRetryTime: 5, passive: false, delayOpenTime: 0, families: [{ afi: 1, safi: 1 }], routeRefresh: true, extendedMessage: false, ...settings }),
    );
  }

  async waitFor(pred: (m: Message) => boolean, ms = 5000): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = this.received.find(pred);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`raw peer: timed out; received ${this.received.map((x) => x.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitClosed(ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('raw peer: connection not closed');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
