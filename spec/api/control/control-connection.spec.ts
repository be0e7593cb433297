/**
 * Flow control of one control client, with a socket stand-in whose write() reports a full
 * buffer until 'drain' is emitted (what a client that stops reading looks like).
 */
import { EventEmitter } from 'events';
import type * as net from 'net';
import { ControlConnection } from '../../../lib/api/control/control-connection';
import { FakeExecutor } from './fake-executor';

const silent = { error() {}, warn() {}, info() {}, debug() {} };

class FullSocket extends EventEmitter {
  readonly writes: string[] = [];
  paused = false;
  ended = false;
  bufferFull = true;
  write(text: string): boolean {
    this.writes.push(text);
    return !this.bufferFull;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
  end(text?: string): this {
    if (text) this.writes.push(text);
    this.ended = true;
    return this;
  }
  destroy(): this {
    this.emit('close');
    return this;
  }
}

/** Lets pending promise callbacks and immediates run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function connect(executor = new FakeExecutor()) {
  const socket = new FullSocket();
  new ControlConnection(socket as unknown as net.Socket, executor, 'control#1', silent);
  return { socket, executor };
}

describe('ControlConnection flow control', () => {
  it('writes a large answer one batch per drain while the client is not reading', async () => {
    const { socket } = connect();
    socket.emit('data', Buffer.from('lines 5000\n'));
    await settle();
    expect(socket.writes).toHaveLength(1);
    await settle();
    expect(socket.writes).toHaveLength(1);
    for (let i = 0; i < 100 && !socket.writes.join('').endsWith('done\n'); i++) {
      socket.emit('drain');
      await settle();
      expect(socket.writes).toHaveLength(i + 2);
    }
    const text = socket.writes.join('');
    expect(text.endsWith(`line 4999 ${'x'.repeat(80)}\ndone\n`)).toBe(true);
    expect(text.split('\n')).toHaveLength(5002);
    expect(socket.writes.length).toBeGreaterThan(5);
    expect(Math.max(...socket.writes.map((w) => w.length))).toBeLessThan(70 * 1024);
  });

  it('pauses reading while commands pile up behind a slow one, then answers them all in order', async () => {
    const { socket, executor } = connect();
    socket.bufferFull = false;
    const lines = ['hold', ...Array.from({ length: 100 }, (_, i) => `echo ${i}`)];
    socket.emit('data', Buffer.from(lines.join('\n') + '\n'));
    await settle();
    expect(socket.paused).toBe(true);
    expect(executor.calls).toHaveLength(1);
    executor.release();
    await settle();
    expect(socket.paused).toBe(false);
    expect(socket.writes.join('')).toBe(['released', 'done', ...Array.from({ length: 100 }, (_, i) => `${i}\ndone`)].join('\n') + '\n');
  });

  it('stops quietly when the client goes away while waiting for drain', async () => {
    const { socket, executor } = connect();
    socket.emit('data', Buffer.from('lines 5000\necho after\n'));
    await settle();
    socket.emit('close');
    await settle();
    expect(socket.writes).toHaveLength(1);
    expect(executor.calls.map((c) => c.line)).toEqual(['lines 5000']);
  });
});
