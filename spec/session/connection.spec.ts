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
