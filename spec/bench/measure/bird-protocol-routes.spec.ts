import { parseProtocolRoutes, totalImported } from '../../../bench/measure/bird-protocol-routes';

/** `show protocols all "mp_in_*"` as BirdControl returns it from BIRD 2.0.12 (codes stripped), cut down to the lines that matter. */
const REPLY = `Name       Proto      Table      State  Since         Info
mp_in_1    BGP        ---        up     11:35:43.862  Established   
  BGP state:          Established
    Neighbor address: 127.0.4.1
    Hold timer:       5.965/9
  Channel ipv4
    State:          UP
    Table:          master4
    Routes:         100 imported, 0 exported, 100 preferred
    Route change stats:     received   rejected   filtered    ignored   accepted
      Import updates:            100          0          0          0        100
    IGP IPv4 table: master4

mp_in_2    BGP        ---        start  11:25:45.544  Idle          
  BGP state:          Idle
    Neighbor address: 127.0.4.2
  Channel ipv4
    State:          DOWN
    Table:          master4

mp_peer_3  BGP        ---        up     11:35:43.772  Established   
  Channel ipv4
    State:          UP
    Table:          mp_table_3
    Routes:         7 imported, 2 filtered, 10000 exported, 7 preferred
`;

describe('parseProtocolRoutes', () => {
  it('reads each protocol’s counters, 0 for one whose channel is down, and skips the column header', () => {
    const routes = parseProtocolRoutes(REPLY);
    expect([...routes]).toEqual([
      ['mp_in_1', { imported: 100, exported: 0 }],
      ['mp_in_2', { imported: 0, exported: 0 }],
      ['mp_peer_3', { imported: 7, exported: 10000 }],
    ]);
    expect(totalImported(routes)).toBe(107);
  });

  it('sums the channels of one protocol', () => {
    const twoChannels = `p1  BGP  ---  up  x  Established
  Channel ipv4
    Routes:         5 imported, 1 exported, 5 preferred
  Channel ipv6
    Routes:         3 imported, 2 exported, 3 preferred
`;
    expect(parseProtocolRoutes(twoChannels).get('p1')).toEqual({ imported: 8, exported: 3 });
  });

  it('gives nothing for an empty reply', () => {
    expect(parseProtocolRoutes('').size).toBe(0);
    expect(totalImported(parseProtocolRoutes('Name       Proto      Table      State  Since         Info'))).toBe(0);
  });
});
