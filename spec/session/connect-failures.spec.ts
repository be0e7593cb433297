import { ConnectFailures, connectErrorText } from '../../lib/session/connect-failures';
import type { Log } from '../../lib/session/log';

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (m) => lines.push(`error ${m}`), warn: (m) => lines.push(`warn ${m}`), info: (m) => lines.push(`info ${m}`), debug: (m) => lines.push(`debug ${m}`) };
}

describe('ConnectFailures', () => {
  it('logs the first failure (warn) and the recovery (info) with the attempts and time, nothing for the retries between', () => {
    const log = recordingLog();
    let now = 1_000_000;
    const f = new ConnectFailures('peer1', '127.0.0.2:179', log, () => now);
    f.failed('ECONNREFUSED');
    for (let i = 0; i < 9; i++) {
      now += 4000;
      f.failed(i % 2 ? 'ECONNREFUSED' : 'timeout (no answer in 5s)');
    }
    expect(log.lines).toEqual(['warn peer1: cannot connect to 127.0.0.2:179: ECONNREFUSED; retrying, logged again once connected']);
    expect(f.isFailing).toBe(true);
    now += 1000;
    f.connected('outgoing');
    expect(log.lines[1]).toBe('info peer1: connected to 127.0.0.2:179 after 10 failed attempts in 37s (first: ECONNREFUSED)');
    expect(f.isFailing).toBe(false);
  });

  it('says nothing for a connection that never failed, and starts over after a recovery', () => {
    const log = recordingLog();
    const f = new ConnectFailures('peer1', '127.0.0.2:179', log, () => 0);
    f.connected('outgoing');
    expect(log.lines).toEqual([]);
    f.failed('EHOSTUNREACH');
    f.connected('incoming');
    f.failed('ECONNREFUSED');
    expect(log.lines).toEqual([
      'warn peer1: cannot connect to 127.0.0.2:179: EHOSTUNREACH; retrying, logged again once connected',
      'info peer1: the peer connected to us after 1 failed attempt in 0s (first: EHOSTUNREACH)',
      'warn peer1: cannot connect to 127.0.0.2:179: ECONNREFUSED; retrying, logged again once connected',
    ]);
  });

  it('logs a peer that closes before its OPEN once (warn) with the address it saw, and once when its OPEN comes (info)', () => {
    const log = recordingLog();
    let now = 0;
    const f = new ConnectFailures('peer1', '127.0.0.2:179', log, () => now);
    for (let i = 0; i < 5; i++) {
      now += 1000;
      f.connected('outgoing'); // the TCP connection is up every time: not a recovery of this failure
      f.closedBeforeOpen('outgoing', '127.0.0.1');
    }
    f.failed('ECONNREFUSED'); // the peer restarts: one more attempt of the same failure
    f.connected('incoming');
    expect(log.lines).toEqual(['warn peer1: 127.0.0.2:179 closed the connection before its OPEN (is 127.0.0.1 configured as a neighbor there?); retrying, logged again once it sends its OPEN']);
    now += 3000;
    f.opened();
    f.opened();
    expect(log.lines.slice(1)).toEqual(['info peer1: 127.0.0.2:179 sent its OPEN after 6 failed attempts in 7s (first: closed the connection before its OPEN)']);
    expect(f.isFailing).toBe(false);
  });

  it('after connect failures, a connection up is their recovery and a close before the OPEN starts a new failure', () => {
    const log = recordingLog();
    const f = new ConnectFailures('peer1', '127.0.0.2:179', log, () => 0);
    f.failed('ECONNREFUSED');
    f.connected('outgoing');
    f.closedBeforeOpen('incoming', undefined, 'reset');
    expect(log.lines).toEqual([
      'warn peer1: cannot connect to 127.0.0.2:179: ECONNREFUSED; retrying, logged again once connected',
      'info peer1: connected to 127.0.0.2:179 after 1 failed attempt in 0s (first: ECONNREFUSED)',
      'warn peer1: the peer reset the connection before its OPEN; retrying, logged again once it sends its OPEN',
    ]);
  });

  it('names the errno, and the likely cause of EADDRNOTAVAIL', () => {
    const err = (code: string | undefined, message: string): NodeJS.ErrnoException => Object.assign(new Error(message), code ? { code } : {});
    expect(connectErrorText(err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.2:179'), 'x')).toBe('ECONNREFUSED');
    expect(connectErrorText(err('EADDRNOTAVAIL', 'connect EADDRNOTAVAIL'), 'x', '127.0.0.99')).toBe('EADDRNOTAVAIL (is the local address 127.0.0.99 configured on this host?)');
    expect(connectErrorText(err(undefined, 'something odd'), 'x')).toBe('something odd');
    expect(connectErrorText(undefined, 'connection closed by peer')).toBe('connection closed by peer');
  });
});
