import { fsmText, negotiatedText, shutdownText, signalText, stateText } from '../../../lib/api/exabgp-text';
import type { Negotiated } from '../../../lib/fsm/types';

const N = { localAddress: '127.0.0.1', peerAddress: '2001:db8::2', localAs: 65001, peerAs: 65002 };

describe('ExaBGP text state events', () => {
  it('names the peer address only', () => {
    expect(stateText(N, 'connected')).toBe('neighbor 2001:db8::2 connected');
    expect(stateText(N, 'up')).toBe('neighbor 2001:db8::2 up');
  });

  it('writes the down reason as given, brackets and quotes included', () => {
    expect(stateText(N, 'down', 'closed [by "peer"] {x}')).toBe('neighbor 2001:db8::2 down - closed [by "peer"] {x}');
    expect(stateText(N, 'down')).toBe('neighbor 2001:db8::2 down - ');
  });

  it('writes shutdown with this process pid and ppid by default', () => {
    expect(shutdownText()).toBe(`shutdown ${process.pid} ${process.ppid}`);
    expect(shutdownText(12, 3)).toBe('shutdown 12 3');
  });

  it('prints nothing for fsm, signal and negotiated events', () => {
    expect(fsmText(N, 'OpenConfirm', 'Established')).toBeUndefined();
    expect(signalText(N, 'SIGUSR1')).toBeUndefined();
    expect(negotiatedText(N, {} as Negotiated)).toBeUndefined();
  });
});
