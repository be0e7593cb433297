import { exabgpConfig, exabgpEnvironment } from '../../../bench/daemons/exabgp';
import { slotFor } from '../../../bench/cases/case-types';

const { sender, receiver } = slotFor(7);

describe('exabgpEnvironment', () => {
  it('binds ExaBGP to the sender address and port, in the foreground, acks on', () => {
    expect(exabgpEnvironment(sender)).toMatchObject({
      'exabgp.tcp.bind': '127.0.3.15',
      'exabgp.tcp.port': '21015',
      'exabgp.daemon.daemonize': 'false',
      'exabgp.api.ack': 'true',
    });
  });
});

describe('exabgpConfig', () => {
  it('writes a passive neighbor with the API block it is given', () => {
    const text = exabgpConfig({ processName: 'p', helper: ['/bin/true'], local: receiver, peer: sender, connect: false, families: ['ipv4 flow'], api: 'receive { parsed; update; }' });
    expect(text).toContain('  passive true;\n');
    expect(text).toContain('  family { ipv4 flow; }\n');
    expect(text).toContain('  api { processes [ p ]; receive { parsed; update; } }\n');
  });

  it('refuses a helper argument with a comma, which ExaBGP\'s tokenizer splits at', () => {
    expect(() => exabgpConfig({ processName: 'p', helper: ['a,b'], local: sender, peer: receiver, connect: true, families: [], api: '' })).toThrow(/cannot be written in a run line/);
  });
});
