import { birdSessionEvents, gobgpSessionEvents, rxbgpSessionEvents } from '../../../bench/measure/session-log-lines';

/** Lines as BIRD 2.0.12, gobgpd 3.10 and rxbgp printed them here, with a receiver stopped (SIGSTOP) past the 9 s hold time. */
describe('birdSessionEvents', () => {
  it('reads up, and every later state but "start" as down', () => {
    expect(birdSessionEvents('2026-11-21 11:33:09.033 <TRACE> mp_peer_2: State changed to up')).toEqual([{ kind: 'up', key: 'mp_peer_2' }]);
    expect(birdSessionEvents('2026-11-21 11:33:19.491 <TRACE> mp_peer_3: State changed to start')).toEqual([]);
    expect(birdSessionEvents('2026-11-21 11:33:18.692 <TRACE> mp_peer_3: State changed to stop')).toEqual([
      { kind: 'down', key: 'mp_peer_3', reason: 'BIRD protocol state stop' },
    ]);
  });

  it('reads its own hold timer expiring and the NOTIFICATION saying the peer’s did', () => {
    expect(birdSessionEvents('2026-11-21 11:33:18.692 <RMT> mp_peer_3: Error: Hold timer expired')).toEqual([{ kind: 'hold-timer-expired', key: 'mp_peer_3' }]);
    expect(birdSessionEvents('2026-11-21 11:33:25.293 <RMT> mp_in_2: Received: Hold timer expired')).toEqual([{ kind: 'hold-timer-expired', key: 'mp_in_2' }]);
  });

  it('ignores everything else', () => {
    expect(birdSessionEvents('2026-11-21 11:33:08.270 <ERR> mp_peer_1: Cannot open listening socket')).toEqual([]);
    expect(birdSessionEvents('2026-11-21 11:25:45.544 <INFO> Enabling protocol mp_peer_1')).toEqual([]);
  });
});

describe('gobgpSessionEvents', () => {
  const line = (fields: string) => `{${fields},"Topic":"Peer","time":"2026-11-21T11:33:57Z"}`;

  it('reads Peer Up and Peer Down by the neighbor address', () => {
    expect(gobgpSessionEvents(line('"Key":"127.0.4.1","State":"BGP_FSM_OPENCONFIRM","level":"info","msg":"Peer Up"'))).toEqual([{ kind: 'up', key: '127.0.4.1' }]);
    expect(gobgpSessionEvents(line('"Key":"127.0.4.2","Reason":"notification-received code 6(cease) subcode 2(administrative shutdown)","level":"info","msg":"Peer Down"'))).toEqual([
      { kind: 'down', key: '127.0.4.2', reason: 'gobgpd: Peer Down notification-received code 6(cease) subcode 2(administrative shutdown)' },
    ]);
  });

  it('reads a hold timer expiry from its warning, a Peer Down reason, or the peer’s NOTIFICATION 4', () => {
    expect(gobgpSessionEvents(line('"Key":"127.0.4.1","State":"BGP_FSM_ESTABLISHED","level":"warning","msg":"hold timer expired"'))).toEqual([
      { kind: 'hold-timer-expired', key: '127.0.4.1' },
    ]);
    expect(gobgpSessionEvents(line('"Key":"127.0.4.2","Reason":"hold-timer-expired","level":"info","msg":"Peer Down"'))).toEqual([
      { kind: 'down', key: '127.0.4.2', reason: 'gobgpd: Peer Down hold-timer-expired' },
      { kind: 'hold-timer-expired', key: '127.0.4.2' },
    ]);
    const received = gobgpSessionEvents(line('"Key":"127.0.4.3","Reason":"notification-received code 4(hold timer expired) subcode 0(undefined)","level":"info","msg":"Peer Down"'));
    expect(received.map((e) => e.kind)).toEqual(['down', 'hold-timer-expired']);
  });

  it('ignores lines without a neighbor key and lines that are not JSON', () => {
    expect(gobgpSessionEvents('{"level":"info","msg":"gobgpd started","time":"2026-11-21T11:26:59Z"}')).toEqual([]);
    expect(gobgpSessionEvents('{"Key": broken')).toEqual([]);
    expect(gobgpSessionEvents('panic: Peer Down')).toEqual([]);
  });
});

describe('rxbgpSessionEvents', () => {
  it('reads a session going down, and a hold timer expiry on either side from the NOTIFICATION 4/0', () => {
    expect(rxbgpSessionEvents('2026-11-21T11:34:22.756Z warn 127.0.4.2: session down: hold timer expired (sent 4/0 Hold Timer Expired)')).toEqual([
      { kind: 'down', key: '127.0.4.2', reason: 'rxbgp: hold timer expired (sent 4/0 Hold Timer Expired)' },
      { kind: 'hold-timer-expired', key: '127.0.4.2' },
    ]);
    expect(rxbgpSessionEvents('2026-11-21T11:34:30.000Z warn 127.0.4.9: session down: NOTIFICATION received (received 4/0 Hold Timer Expired)').map((e) => e.kind)).toEqual([
      'down',
      'hold-timer-expired',
    ]);
  });

  it('reads a hold timer expiry from the line of its NOTIFICATION, sent or received', () => {
    expect(rxbgpSessionEvents('2026-12-07T16:11:39.970Z warn 127.0.4.9: NOTIFICATION received: Hold Timer Expired')).toEqual([{ kind: 'hold-timer-expired', key: '127.0.4.9' }]);
    expect(rxbgpSessionEvents('2026-12-07T16:11:39.970Z warn 127.0.4.2: NOTIFICATION sent: Hold Timer Expired')).toEqual([{ kind: 'hold-timer-expired', key: '127.0.4.2' }]);
    expect(rxbgpSessionEvents('2026-12-07T16:11:39.971Z warn 127.0.4.9: session down: NOTIFICATION received')).toEqual([
      { kind: 'down', key: '127.0.4.9', reason: 'rxbgp: NOTIFICATION received' },
    ]);
    expect(rxbgpSessionEvents('2026-12-07T16:11:39.970Z warn 127.0.4.9: NOTIFICATION received: Cease / Administrative Shutdown')).toEqual([]);
  });

  it('reads other downs as downs only, and ignores other lines', () => {
    expect(rxbgpSessionEvents('2026-11-21T11:34:26.752Z warn 127.0.4.1: session down: NOTIFICATION received (received 6/2 Cease / Administrative Shutdown)')).toEqual([
      { kind: 'down', key: '127.0.4.1', reason: 'rxbgp: NOTIFICATION received (received 6/2 Cease / Administrative Shutdown)' },
    ]);
    expect(rxbgpSessionEvents('2026-11-21T11:34:06.610Z info 127.0.4.2: session established (hold time 9s, peer 192.0.2.250 AS 64602)')).toEqual([]);
  });
});
