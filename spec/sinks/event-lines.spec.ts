import { EventLines } from '../../lib/sinks/event-lines';
import { endOfRibMessage } from '../../lib/wire/end-of-rib';
import { Afi, Safi } from '../../lib/wire/iana';
import type { UpdateMessage } from '../../lib/wire/types';
import { ipv4Update, neighbor, sinkEvent, stopNeighbors } from './mrt-sink-helpers';

const TIME = Date.UTC(2024, 0, 2, 12, 0, 0, 421);
const HEAD = '{"time":1704196800.421,"neighbor":"peer-192.0.2.1","peer":"192.0.2.1","peerAs":65002';

describe('EventLines', () => {
  afterAll(() => stopNeighbors());
  const line = (format: 'exabgp' | 'compact', message: UpdateMessage, direction: 'receive' | 'send' = 'receive') =>
    new EventLines(format).line(sinkEvent(neighbor('192.0.2.1'), TIME, { kind: 'update', message, direction }));

  describe('compact End-of-RIB (RFC 4724 §2)', () => {
    it('says "eor" with the family for IPv4 unicast (an empty UPDATE)', () => {
      expect(line('compact', endOfRibMessage({ afi: Afi.IPV4, safi: Safi.UNICAST }))).toBe(`${HEAD},"type":"update","direction":"receive","eor":{"afi":"ipv4","safi":"unicast"}}`);
    });

    it('says "eor" with the family for IPv6 unicast (an empty MP_UNREACH_NLRI), not an empty withdraw list', () => {
      expect(line('compact', endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }), 'send')).toBe(`${HEAD},"type":"update","direction":"send","eor":{"afi":"ipv6","safi":"unicast"}}`);
    });

    it('names any family the way ExaBGP does, so later families get it too', () => {
      expect(JSON.parse(line('compact', endOfRibMessage({ afi: Afi.IPV4, safi: Safi.MPLS_VPN }))!).eor).toEqual({ afi: 'ipv4', safi: 'mpls-vpn' });
      expect(JSON.parse(line('compact', endOfRibMessage({ afi: Afi.IPV6, safi: Safi.FLOWSPEC }))!).eor).toEqual({ afi: 'ipv6', safi: 'flow' });
    });
  });

  it('leaves ordinary compact updates as they were: an IPv6 withdrawal is a withdraw list', () => {
    const withdraw: UpdateMessage = { type: 'update', withdrawn: [{ afi: Afi.IPV6, safi: Safi.UNICAST, prefixes: ['2001:db8:1::/48'] }], attributes: {}, announced: [] };
    expect(line('compact', withdraw)).toBe(`${HEAD},"type":"update","direction":"receive","withdraw":{"ipv6 unicast":["2001:db8:1::/48"]}}`);
    expect(line('compact', ipv4Update(['203.0.113.0/24'], [65002], '192.0.2.1'))).toBe(
      `${HEAD},"type":"update","direction":"receive","announce":{"ipv4 unicast":{"192.0.2.1":["203.0.113.0/24"]}},"attribute":{"origin": "igp", "as-path": [ 65002 ], "confederation-path": []}}`,
    );
  });

  it("leaves the exabgp format as it was: ExaBGP's own eor member", () => {
    const v4 = JSON.parse(line('exabgp', endOfRibMessage({ afi: Afi.IPV4, safi: Safi.UNICAST }))!);
    const v6 = JSON.parse(line('exabgp', endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }))!);
    expect(v4.neighbor.message).toEqual({ eor: { afi: 'ipv4', safi: 'unicast' } });
    expect(v6.neighbor.message).toEqual({ eor: { afi: 'ipv6', safi: 'unicast' } });
  });
});
