import net from 'net';
import { Framer } from '../../../lib/wire/framer';
import { KEEPALIVE_BYTES } from '../../../lib/wire/keepalive';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { ceaseNotification } from '../../../lib/wire/notification';
import { DEFAULT_CONTEXT, type Message } from '../../../lib/wire/types';
import { CapturePeer, type CapturePeerOptions } from '../../../bench/micro/capture-peer';
import { captureOpen } from '../../../bench/micro/capture-open';
import { Deadline } from '../../../bench/measure/deadline';
import { toHex } from '../../helpers/hex';
import { END_OF_RIB, slash24s, updatesFor } from './update-fixtures';

/** A scripted sender on loopback: connects, then writes `bytes` once it has read our OPEN. */
function scriptedSender(port: number, bytes: Buffer): { received: Message[]; closed: Promise<void> } {
  const received: Message[] = [];
  const socket = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.1' });
  const framer = new Framer();
  socket.on('data', (chunk: Buffer) => {
    for (const m of framer.push(chunk)) {
      const msg = decodeMessage(m, DEFAULT_CONTEXT);
      received.push(msg);
      // Split the script at an odd offset: the peer must reassemble messages across chunks.
      if (msg.type === 'open') {
        socket.write(bytes.subarray(0, 101));
        setImmediate(() => socket.write(bytes.subarray(101)));
      }
    }
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  return { received, closed };
}

describe('CapturePeer (loopback)', () => {
  const base = (expectedPrefixes: number): CapturePeerOptions => ({
    address: '127.0.0.1',
    port: 0,
    peerAddress: '127.0.0.1',
    local: { asn: 65102, routerId: '192.0.2.102' },
    expectedPrefixes,
    deadline: new Deadline(10_000),
    log: () => undefined,
  });
  const senderOpen = captureOpen({ asn: 65101, routerId: '192.0.2.101' });

  it('brings the session up and records from Established to the End-of-RIB, then sends a Cease', async () => {
    const peer = await CapturePeer.listen(base(1000));
    try {
      const updates = updatesFor(slash24s(700));
      const afterUp = Buffer.concat([...updates, KEEPALIVE_BYTES, END_OF_RIB]);
      const sender = scriptedSender(peer.port, Buffer.concat([senderOpen, KEEPALIVE_BYTES, afterUp]));
      const stream = await peer.captured();
      expect(toHex(stream.bytes)).toBe(toHex(afterUp));
      expect(stream).toMatchObject({ messages: updates.length + 2, updates: updates.length + 1, prefixes: 700, endOfRib: true });
      expect(stream.codec.asn4).toBe(true);
      await sender.closed;
      expect(sender.received.map((m) => m.type)).toEqual(['open', 'keepalive', 'notification']);
      expect(sender.received[2]).toMatchObject({ code: 6, subcode: 2 });
    } finally {
      await peer.close();
    }
  });

  it('stops at the N-th prefix without waiting for the End-of-RIB', async () => {
    const peer = await CapturePeer.listen(base(300));
    try {
      const updates = updatesFor(slash24s(300), 512);
      const sender = scriptedSender(peer.port, Buffer.concat([senderOpen, KEEPALIVE_BYTES, ...updates]));
      const stream = await peer.captured();
      expect(stream).toMatchObject({ prefixes: 300, endOfRib: false, updates: updates.length });
      await sender.closed;
    } finally {
      await peer.close();
    }
  });

  it('fails when the sender refuses the session with a NOTIFICATION', async () => {
    const peer = await CapturePeer.listen(base(10));
    try {
      scriptedSender(peer.port, encodeMessage(ceaseNotification(5), DEFAULT_CONTEXT));
      await expect(peer.captured()).rejects.toThrow(/refused the session: Cease \/ Connection Rejected/);
    } finally {
      await peer.close();
    }
  });

  it('fails at the deadline when the session never comes up', async () => {
    const peer = await CapturePeer.listen({ ...base(10), deadline: new Deadline(300) });
    try {
      await expect(peer.captured()).rejects.toThrow(/deadline reached while waiting for the capture \(session not up/);
    } finally {
      await peer.close();
    }
  });
});
