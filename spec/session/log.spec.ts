import { logNotification, type Log } from '../../lib/session/log';
import { ceaseNotification } from '../../lib/wire/notification';
import { hex } from '../helpers/hex';

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (m) => lines.push(`error ${m}`), warn: (m) => lines.push(`warn ${m}`), info: (m) => lines.push(`info ${m}`), debug: (m) => lines.push(`debug ${m}`) };
}

describe('logNotification', () => {
  it('one line with the neighbor, the direction and the code names: a warning unless it is routine', () => {
    const log = recordingLog();
    logNotification(log, '127.0.0.2', 'sent', { type: 'notification', code: 2, subcode: 2, data: hex`0000fde9` });
    logNotification(log, '127.0.0.2', 'received', ceaseNotification(2, 'maintenance'));
    logNotification(log, '127.0.0.2', 'sent', ceaseNotification(2));
    logNotification(log, '127.0.0.2', 'received', ceaseNotification(7));
    logNotification(log, 'peer1', 'sent', ceaseNotification(7), 'a new connection while a session is Established: RFC 4271 §6.8');
    expect(log.lines).toEqual([
      'warn 127.0.0.2: NOTIFICATION sent: OPEN Message Error / Bad Peer AS (data 0000fde9)',
      'warn 127.0.0.2: NOTIFICATION received: Cease / Administrative Shutdown: "maintenance"',
      'info 127.0.0.2: NOTIFICATION sent: Cease / Administrative Shutdown',
      'info 127.0.0.2: NOTIFICATION received: Cease / Connection Collision Resolution',
      'info peer1: NOTIFICATION sent: Cease / Connection Collision Resolution (a new connection while a session is Established: RFC 4271 §6.8)',
    ]);
  });
});
