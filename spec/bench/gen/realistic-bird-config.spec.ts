import { realisticBirdReceiverConfig, realisticBirdSenderConfig } from '../../../bench/gen/realistic-bird-config';

describe('realistic BIRD configs', () => {
  it('writes a sender that learns the table from the feeder over iBGP and exports it with a next hop per channel', () => {
    expect(
      realisticBirdSenderConfig({
        routerId: '192.0.2.3',
        local: { address: '127.0.3.3', port: 21003, asn: 65003 },
        neighbor: { address: '127.0.3.4', port: 21004, asn: 65004 },
        feederAddress: '127.0.77.3',
        connect: false,
        ipv4NextHop: '198.51.100.1',
        ipv6NextHop: '2001:db8::1',
      }),
    ).toBe(`log stderr all;
router id 192.0.2.3;
protocol device { }
filter realistic_export {
  if proto != "feed" then reject;
  if defined(bgp_med) then bgp_med = bgp_med;
  accept;
}
protocol bgp feed {
  local 127.0.3.3 port 21003 as 65003;
  neighbor 127.0.77.3 as 65003;
  multihop;
  passive on;
  ipv4 { import all; export none; };
  ipv6 { import all; export none; };
}
protocol bgp bench {
  local 127.0.3.3 port 21003 as 65003;
  neighbor 127.0.3.4 port 21004 as 65004;
  multihop;
  passive on;
  connect delay time 1; connect retry time 1; error wait time 1, 5;
  disabled;
  debug { states };
  ipv4 { import none; export filter realistic_export; next hop address 198.51.100.1; };
  ipv6 { import none; export filter realistic_export; next hop address 2001:db8::1; };
}
`);
  });

  it('writes a receiver that imports both families', () => {
    expect(
      realisticBirdReceiverConfig({
        routerId: '192.0.2.4',
        local: { address: '127.0.3.4', port: 21004, asn: 65004 },
        neighbor: { address: '127.0.3.3', port: 21003, asn: 65003 },
        connect: true,
      }),
    ).toBe(`log stderr all;
router id 192.0.2.4;
protocol device { }
protocol bgp bench {
  local 127.0.3.4 port 21004 as 65004;
  neighbor 127.0.3.3 port 21003 as 65003;
  multihop;
  passive off;
  connect delay time 1; connect retry time 1; error wait time 1, 5;
  debug { states };
  ipv4 { import all; export none; };
  ipv6 { import all; export none; };
}
`);
  });
});
