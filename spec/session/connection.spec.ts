import { VirtualTimeScheduler } from 'rxjs';
import { CLOSE_FLUSH_MS, Connection } from '../../lib/session/connection';
import { FakeSocket } from './fake-socket';

describe('Connection.close (virtual time)', () => {
  it('ends the socket, and destroys it when the peer has not closed it within CLOSE_FLUSH_MS of the scheduler', () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    new Connection(socket.asSocket(), 'incoming', scheduler).close();
    expect(socket.ended).toBe(true);
    scheduler.maxFrames = CLOSE_FLUSH_MS - 1;
    scheduler.flush();
    expect(socket.destroyed).toBe(false);
    scheduler.maxFrames = CLOSE_FLUSH_MS;
    scheduler.flush();
    expect(socket.destroyed).toBe(true);
  });

  it('leaves a socket the peer closed in time alone (the bound is cancelled)', () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    new Connection(socket.asSocket(), 'incoming', scheduler).close();
    socket.emit('close');
    expect(scheduler.actions).toHaveLength(0);
    scheduler.flush();
    expect(socket.destroyed).toBe(false);
  });
});

describe('Connection reading (frame() over the socket chunks)', () => {
  const KEEPALIVE = Buffer.from('ffffffffffffffffffffffffffffffff001304', 'hex');

  function bound() {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    const conn = new Connection(socket.asSocket(), 'incoming', scheduler);
    const seen: string[] = [];
    conn.bind({
      frames: (frames) => seen.push(`frames ${frames.map((f) => f.toString('hex')).join(' ')}`),
      framingError: (e) => seen.push(`framing error ${e.code}/${e.subcode}`),
      connected: () => seen.push('connected'),
      closed: (reason) => seen.push(`closed: ${reason}`),
    });
    return { socket, conn, seen };
  }

  it('hands on the whole messages of each chunk in one batch, keeping a split message for the next chunk', () => {
    const { socket, seen } = bound();
    socket.emit('data', Buffer.concat([KEEPALIVE, KEEPALIVE, KEEPALIVE.subarray(0, 5)]));
    socket.emit('data', KEEPALIVE.subarray(5));
    expect(seen).toEqual([`frames ${KEEPALIVE.toString('hex')} ${KEEPALIVE.toString('hex')}`, `frames ${KEEPALIVE.toString('hex')}`]);
  });

  it('reports a bad Marker once (RFC 4271 §6.1: 1/1) and reads nothing after it', () => {
    const { socket, seen } = bound();
    const broken = Buffer.from(KEEPALIVE);
    broken[3] = 0;
    socket.emit('data', broken);
    socket.emit('data', KEEPALIVE);
    expect(seen).toEqual(['framing error 1/1']);
  });

  it('accepts messages up to 65535 octets once setMaxMessageLength raised the limit (RFC 8654), and not before', () => {
    const big = Buffer.alloc(5000, 0);
    big.fill(0xff, 0, 16);
    big.writeUInt16BE(5000, 16);
    big[18] = 2;
    const raised = bound();
    raised.conn.setMaxMessageLength(65535);
    raised.socket.emit('data', big);
    expect(raised.seen).toEqual([`frames ${big.toString('hex')}`]);
    const strict = bound();
    strict.socket.emit('data', big);
    expect(strict.seen).toEqual(['framing error 1/2']);
  });

  it('drops chunks after close()', () => {
    const { socket, conn, seen } = bound();
    conn.close();
    socket.emit('data', KEEPALIVE);
    expect(seen).toEqual([]);
  });
});

describe('Connection.events()', () => {
  it('reports frames, then the close, as one stream', () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    const conn = new Connection(socket.asSocket(), 'incoming', scheduler);
    const seen: string[] = [];
    const sub = conn.events().subscribe((e) => seen.push(e.kind === 'frames' ? `frames ${e.frames.length}` : e.kind === 'closed' ? `closed: ${e.reason}` : e.kind));
    socket.emit('data', Buffer.from('ffffffffffffffffffffffffffffffff001304'.repeat(2), 'hex'));
    socket.emit('close');
    expect(seen).toEqual(['frames 2', 'closed: connection closed by peer']);
    sub.unsubscribe();
  });

  it('gives nothing after unsubscribe (the connection is unbound)', () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    const conn = new Connection(socket.asSocket(), 'incoming', scheduler);
    const seen: string[] = [];
    conn.events().subscribe((e) => seen.push(e.kind)).unsubscribe();
    socket.emit('data', Buffer.from('ffffffffffffffffffffffffffffffff001304', 'hex'));
    socket.emit('close');
    expect(seen).toEqual([]);
  });
});

describe('Connection.drained()', () => {
  it("emits once when the socket's write buffer drains, or at once when nothing waits", () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    const conn = new Connection(socket.asSocket(), 'incoming', scheduler);
    const seen: string[] = [];
    conn.drained().subscribe({ next: () => seen.push('at once'), complete: () => seen.push('done') });
    expect(seen).toEqual(['at once', 'done']);
    seen.length = 0;
    socket.writableNeedDrain = true;
    conn.drained().subscribe({ next: () => seen.push('drain'), complete: () => seen.push('done') });
    expect(seen).toEqual([]);
    socket.emit('drain');
    socket.emit('drain');
    expect(seen).toEqual(['drain', 'done']);
  });

  it('emits when the socket closes instead of draining, and at once once the connection is closed', () => {
    const scheduler = new VirtualTimeScheduler();
    const socket = new FakeSocket(scheduler);
    const conn = new Connection(socket.asSocket(), 'incoming', scheduler);
    socket.writableNeedDrain = true;
    let waited = 0;
    conn.drained().subscribe(() => waited++);
    socket.emit('close');
    expect(waited).toBe(1);
    conn.close();
    conn.drained().subscribe(() => waited++);
    expect(waited).toBe(2);
  });
});
