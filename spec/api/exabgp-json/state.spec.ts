import { fsmJson, shutdownJson, signalJson, stateJson } from '../../../lib/api/exabgp-json';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };
const HEAD =
  '{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, "counter": 1, "type": "TYPE", ' +
  '"neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } , ';

function line(type: string, content: string): string {
  return `${HEAD.replace('TYPE', type)}${content} } }`;
}

describe('neighbor events', () => {
  it('report connected, up and down with its reason', () => {
    expect(stateJson(TEST_SOURCE, n, 'connected')).toBe(line('state', '"state": "connected"'));
    expect(stateJson(TEST_SOURCE, n, 'up', 'ignored')).toBe(line('state', '"state": "up"'));
    expect(stateJson(TEST_SOURCE, n, 'down')).toBe(line('state', '"state": "down", "reason": ""'));
  });

  it('turn brackets and braces of a down reason into parentheses and escape quotes, as ExaBGP does', () => {
    expect(stateJson(TEST_SOURCE, n, 'down', 'notification [6/2] {"bye"}')).toBe(
      line('state', '"state": "down", "reason": "notification (6/2) (\\"bye\\")"'),
    );
  });

  it('report the FSM state entered under ExaBGP names', () => {
    expect(fsmJson(TEST_SOURCE, n, 'OpenConfirm', 'Established')).toBe(line('fsm', '"state": "ESTABLISHED"'));
    expect(fsmJson(TEST_SOURCE, n, 'Idle', 'Connect')).toBe(line('fsm', '"state": "CONNECT"'));
    expect(fsmJson(TEST_SOURCE, n, 'Connect', 'Active')).toBe(line('fsm', '"state": "ACTIVE"'));
    expect(fsmJson(TEST_SOURCE, n, 'Active', 'OpenSent')).toBe(line('fsm', '"state": "OPENSENT"'));
    expect(fsmJson(TEST_SOURCE, n, 'OpenSent', 'OpenConfirm')).toBe(line('fsm', '"state": "OPENCONFIRM"'));
    expect(fsmJson(TEST_SOURCE, n, 'Established', 'Idle')).toBe(line('fsm', '"state": "IDLE"'));
  });

  it('report signals by number (as a string) and Python name', () => {
    expect(signalJson(TEST_SOURCE, n, 'SIGUSR1')).toBe(line('signal', '"code": "10", "name": "SIGUSR1"'));
    expect(signalJson(TEST_SOURCE, n, 'SIGIOT')).toBe(line('signal', '"code": "6", "name": "SIGABRT"'));
    expect(signalJson(TEST_SOURCE, n, 29)).toBe(line('signal', '"code": "29", "name": "SIGIO"'));
    expect(signalJson(TEST_SOURCE, n, 34)).toBe(line('signal', '"code": "34", "name": "SIGRTMIN"'));
    expect(signalJson(TEST_SOURCE, n, 40)).toBe(line('signal', '"code": "40", "name": "UNKNOWN"'));
  });

  it('tell the processes the daemon stops, without neighbor or counter', () => {
    expect(shutdownJson(TEST_SOURCE)).toBe(
      '{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, "type": "notification", "notification": "shutdown" }',
    );
  });
});
