import { birdFlowReceiverConfig } from '../../../bench/gen/bird-flow-config';

describe('birdFlowReceiverConfig', () => {
  it('is a passive BGP protocol named bench with one flow4 channel into its own flow4 table, states traced', () => {
    const text = birdFlowReceiverConfig({
      routerId: '192.0.2.218',
      local: { address: '127.0.0.218', port: 17218, asn: 65218 },
      neighbor: { address: '127.0.0.217', asn: 65217 },
    });
    expect(text).toContain('flow4 table flowtab4;');
    expect(text).toContain('protocol bgp bench {');
    expect(text).toContain('local 127.0.0.218 port 17218 as 65218;');
    expect(text).toContain('neighbor 127.0.0.217 as 65217;');
    expect(text).toContain('passive on;');
    expect(text).toContain('debug { states };');
    expect(text).toContain('flow4 { table flowtab4; import all; export none; };');
    expect(text).not.toContain('ipv4 {');
  });
});
