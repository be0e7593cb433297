import { buildOpen } from '../../lib/fsm/build-open';
import { AS_TRANS, Afi, Safi } from '../../lib/wire/iana';
import { IPV4_UNICAST, IPV6_UNICAST, SETTINGS } from './fixtures';

describe('buildOpen', () => {
  it('advertises version 4, our AS, hold time, identifier and the default capabilities in order', () => {
    expect(buildOpen(SETTINGS)).toEqual({
      type: 'open',
      version: 4,
      myAs: 65001,
      holdTime: 90,
      bgpId: '10.0.0.1',
      capabilities: [
        { kind: 'multiprotocol', afi: Afi.IPV4, safi: Safi.UNICAST },
        { kind: 'multiprotocol', afi: Afi.IPV6, safi: Safi.UNICAST },
        { kind: 'route-refresh' },
        { kind: 'enhanced-route-refresh' },
        { kind: 'asn4', asn: 65001 },
        { kind: 'extended-message' },
      ],
    });
  });

  it('puts AS_TRANS in My AS when our AS needs 4 octets (RFC 6793 §4.1)', () => {
    const open = buildOpen({ ...SETTINGS, localAs: 4200000001 });
    expect(open.myAs).toBe(AS_TRANS);
    expect(open.capabilities).toContainEqual({ kind: 'asn4', asn: 4200000001 });
  });

  it('keeps a 2-octet AS as it is, even 65535', () => {
    expect(buildOpen({ ...SETTINGS, localAs: 65535 }).myAs).toBe(65535);
  });

  it('leaves out route refresh and extended message when turned off, but always sends asn4', () => {
    const open = buildOpen({ ...SETTINGS, families: [], routeRefresh: false, extendedMessage: false });
    expect(open.capabilities).toEqual([{ kind: 'asn4', asn: 65001 }]);
  });

  it('adds ADD-PATH, graceful restart (helper: no families) and hostname when configured', () => {
    const open = buildOpen({
      ...SETTINGS,
      families: [IPV4_UNICAST],
      routeRefresh: false,
      extendedMessage: false,
      addPath: [
        { ...IPV4_UNICAST, mode: 3 },
        { ...IPV6_UNICAST, mode: 1 },
      ],
      gracefulRestartTime: 120,
      hostname: 'edge1',
      domainName: 'example.net',
    });
    expect(open.capabilities).toEqual([
      { kind: 'multiprotocol', afi: Afi.IPV4, safi: Safi.UNICAST },
      { kind: 'asn4', asn: 65001 },
      {
        kind: 'add-path',
        families: [
          { afi: Afi.IPV4, safi: Safi.UNICAST, mode: 3 },
          { afi: Afi.IPV6, safi: Safi.UNICAST, mode: 1 },
        ],
      },
      { kind: 'graceful-restart', flags: 0, restartTime: 120, families: [] },
      { kind: 'hostname', hostname: 'edge1', domain: 'example.net' },
    ]);
  });

  it('sends an empty domain with a hostname alone, and no ADD-PATH for an empty list', () => {
    const open = buildOpen({ ...SETTINGS, hostname: 'edge1', addPath: [] });
    expect(open.capabilities.filter((c) => c.kind === 'add-path')).toEqual([]);
    expect(open.capabilities).toContainEqual({ kind: 'hostname', hostname: 'edge1', domain: '' });
  });
});
