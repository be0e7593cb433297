/**
 * Neighbor's own timers in virtual time (issue 13): the restart of a fresh session after a
 * promoted candidate (RFC 4271 §6.8 collision) ended, on the scheduler the neighbor was given.
 */
import * as net from 'net';
import { VirtualTimeScheduler } from 'rxjs';
import { Neighbor, RESTART_DELAY_MS } from '../../lib/neighbor/neighbor';
import { Connection } from '../../lib/session/connection';
import { silentLog } from '../../lib/session/log';
import { encodeMessage } from '../../lib/wire/message';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { DEFAULT_CONTEXT } from '../../lib/wire/types';
import { SETTINGS, peerOpen } from '../fsm/fixtures';
import { FakeSocket } from '../session/fake-socket';

/** Nothing listens here: our own connect attempt is refused (it is dropped before that matters). */
const PEER = '127.0.93.12';

async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, PEER, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function advanceTo(scheduler: VirtualTimeScheduler, ms: number): void {
  scheduler.schedule(() => undefined, ms - scheduler.now());
  scheduler.maxFrames = ms;
  scheduler.flush();
}

describe('Neighbor in virtual time', () => {
  it('starts a fresh session RESTART_DELAY_MS after a promoted candidate session ends', async () => {
    const scheduler = new VirtualTimeScheduler();
    const neighbor = new Neighbor({ name: 'virtual', settings: SETTINGS, endpoint: { peerAddress: PEER, peerPort: await refusedPort() }, log: silentLog, scheduler });
    neighbor.start();
    expect(neighbor.state).toBe('Connect');
    // The peer connects to us while our own attempt is in flight: its connection runs as a candidate,
    // and wins when its OPEN comes (ours never answered), then goes Established.
    const socket = new FakeSocket(scheduler);
    neighbor.accept(new Connection(socket.asSocket(), 'incoming', scheduler));
    socket.emit('data', Buffer.concat([encodeMessage(peerOpen(), DEFAULT_CONTEXT), KEEPALIVE_BYTES]));
    expect(neighbor.state).toBe('Established');
    advanceTo(scheduler, 5_000);
    // The promoted session ends: a session with the configured (active) settings replaces it, idle for a while.
    socket.emit('close');
    expect(neighbor.state).toBe('Idle');
    advanceTo(scheduler, 5_000 + RESTART_DELAY_MS - 1);
    expect(neighbor.state).toBe('Idle');
    advanceTo(scheduler, 5_000 + RESTART_DELAY_MS);
    expect(neighbor.state).toBe('Connect');
    const stopping = neighbor.stop();
    advanceTo(scheduler, 10_000); // the stop wait, on the same clock, in case the refused socket is slow to close
    await stopping;
  });
});
