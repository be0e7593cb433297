/**
 * A neighbor's "flows" (FlowSpec rules in the JSON config, issue 12): decoded by the flow family,
 * errors at their full path, checked against the neighbor's families and for duplicates, and kept
 * as routes so the Adj-RIB-Out (and a reload) treat them like any other route.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import { decodeConfig } from '../../lib/config';
import { AdjRibOut } from '../../lib/rib/adj-rib-out';
import { neighborSettingsKey } from '../../lib/config/settings-key';

const base = (flows: unknown[], extra: Record<string, unknown> = {}) => ({
  localAs: 65000,
  routerId: '192.0.2.1',
  neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65001, flows, ...extra }],
});

function neighborOf(json: unknown) {
  const decoded = decodeConfig(json);
  if (isLeft(decoded)) throw new Error(decoded.left.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return decoded.right.neighbors[0];
}

function errorsOf(json: unknown): string[] {
  const decoded = decodeConfig(json);
  return isLeft(decoded) ? decoded.left.map((e) => `${e.path}: ${e.message}`) : [];
}

const DDOS = { match: { destination: '192.0.2.0/24', protocol: ['tcp', 'udp'], destinationPort: ['=80', '>=8080&<=8088'] }, then: { rateLimit: 9600 } };

describe('neighbor "flows"', () => {
  it('become routes of the rule\'s family, with no next hop and the action as an extended community', () => {
    const n = neighborOf(base([DDOS]));
    expect(n.routes).toEqual([
      {
        afi: 1,
        safi: 133,
        prefix: 'flow destination-ipv4 192.0.2.0/24 protocol [ =tcp =udp ] destination-port [ =80 >=8080&<=8088 ]',
        nextHop: '',
        attributes: { origin: 0, asPath: [], extendedCommunities: [0x8006000046160000n] },
      },
    ]);
  });

  it('add their families to the default ones (the session\'s unicast family, then each rule\'s)', () => {
    const n = neighborOf(base([DDOS, { match: { destination: '2001:db8::/48' }, then: { discard: true } }]));
    expect(n.families).toEqual([{ afi: 1, safi: 1 }, { afi: 1, safi: 133 }, { afi: 2, safi: 133 }]);
  });

  it('name the path of a bad value inside a rule', () => {
    const bad = { match: { destination: '192.0.2.0/24', destinationPort: ['=80', '>=8080&<=808x'] }, then: { discard: true } };
    expect(errorsOf(base([DDOS, bad]))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flows\[1\]\.match\.destinationPort\[1\]: .*808x/)]);
  });

  it('refuse a rule whose family the neighbor does not carry, and the same rule twice', () => {
    const v6 = { match: { destination: '2001:db8::/48' }, then: { discard: true } };
    const errors = errorsOf(base([DDOS, v6, { ...DDOS, then: { discard: true } }], { families: ['ipv4 flow'] }));
    expect(errors).toEqual([
      'neighbors[0].flows[1]: flow destination-ipv6 2001:db8::/48/0 is an ipv6 flow rule, but this neighbor\'s families do not include "ipv6 flow"',
      expect.stringMatching(/^neighbors\[0\]\.flows\[2\]: duplicate rule: flows\[0\] is the same ipv4 flow rule/),
    ]);
  });

  it('refuse an item that is not an object', () => {
    expect(errorsOf(base(['flow destination 10.0.0.0/8']))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flows\[0\]: expected a FlowSpec rule like/)]);
  });

  it('change on reload by only the rules whose match or actions changed', () => {
    const before = neighborOf(base([DDOS, { match: { destination: '10.0.0.1/32' }, then: { discard: true } }]));
    const after = neighborOf(base([{ ...DDOS, then: { rateLimit: 1000 } }, { match: { destination: '10.0.0.2/32' }, then: { discard: true } }, { match: { destination: '10.0.0.1/32' }, then: { discard: true } }]));
    const rib = new AdjRibOut();
    rib.load(before.routes);
    const change = rib.load(after.routes);
    expect(change.withdraw).toEqual([]);
    expect(change.announce.flatMap((g) => g.prefixes).sort()).toEqual([
      'flow destination-ipv4 10.0.0.2/32',
      'flow destination-ipv4 192.0.2.0/24 protocol [ =tcp =udp ] destination-port [ =80 >=8080&<=8088 ]',
    ]);
    const removed = rib.load(before.routes.slice(1));
    expect(removed.withdraw.flatMap((w) => w.prefixes).sort()).toEqual(['flow destination-ipv4 10.0.0.2/32', 'flow destination-ipv4 192.0.2.0/24 protocol [ =tcp =udp ] destination-port [ =80 >=8080&<=8088 ]']);
    expect(removed.announce).toEqual([]);
    expect(isRight(decodeConfig(base([])))).toBe(true);
  });

  it('a neighbor\'s "flowspec": { "ipv6Offset" } chooses the IPv6 offset wire form (default RFC 8956), and changing it resets the session', () => {
    expect(neighborOf(base([DDOS])).flowIpv6Offset).toBe('rfc8956');
    const whole = neighborOf(base([DDOS], { flowspec: { ipv6Offset: 'whole-prefix' } }));
    expect(whole.flowIpv6Offset).toBe('whole-prefix');
    expect(neighborSettingsKey(whole)).not.toBe(neighborSettingsKey(neighborOf(base([DDOS]))));
    expect(errorsOf(base([DDOS], { flowspec: { ipv6Offset: 'whole' } }))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flowspec\.ipv6Offset: .*"whole"/)]);
    expect(errorsOf(base([DDOS], { flowspec: { ipv6offset: 'whole-prefix' } }))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flowspec\.ipv6offset: unknown key "ipv6offset" \(did you mean "ipv6Offset"\?\)/)]);
  });

  it('a neighbor\'s "flowspec": { "validate" } turns RFC 8955 §6 validation on (default off) without resetting the session', () => {
    expect(neighborOf(base([DDOS])).flowValidate).toBe(false);
    const on = neighborOf(base([DDOS], { flowspec: { validate: true } }));
    expect(on.flowValidate).toBe(true);
    expect(neighborOf(base([DDOS], { flowspec: { validate: false, ipv6Offset: 'whole-prefix' } })).flowValidate).toBe(false);
    // A reload revalidates the rules held (lib/daemon/flow-validation): no session reset.
    expect(neighborSettingsKey(on)).toBe(neighborSettingsKey(neighborOf(base([DDOS]))));
    expect(errorsOf(base([DDOS], { flowspec: { validate: 'yes' } }))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flowspec\.validate: .*"yes"/)]);
    expect(errorsOf(base([DDOS], { flowspec: { valdate: true } }))).toEqual([expect.stringMatching(/^neighbors\[0\]\.flowspec\.valdate: unknown key "valdate" \(did you mean "validate"\?\)/)]);
  });
});
