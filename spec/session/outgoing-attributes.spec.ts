import { outgoingAttributes } from '../../lib/session/outgoing-attributes';
import { resolveNextHop } from '../../lib/session/rib-sender';

describe('outgoingAttributes', () => {
  it('eBGP: prepends our AS unless the configured path starts with it, and drops LOCAL_PREF (RFC 4271 §5.1.2, §5.1.5)', () => {
    expect(outgoingAttributes({ asPath: [{ type: 2, asns: [65001] }], localPref: 200 }, 65001, 65002)).toEqual({ origin: 0, asPath: [{ type: 2, asns: [65001] }] });
    expect(outgoingAttributes({ asPath: [{ type: 2, asns: [64999] }] }, 65001, 65002).asPath).toEqual([{ type: 2, asns: [65001, 64999] }]);
    expect(outgoingAttributes({}, 65001, 65002).asPath).toEqual([{ type: 2, asns: [65001] }]);
    expect(outgoingAttributes({ asPath: [{ type: 1, asns: [1, 2] }] }, 65001, 65002).asPath).toEqual([{ type: 2, asns: [65001] }, { type: 1, asns: [1, 2] }]);
  });

  it('iBGP: keeps the path as configured and always sends LOCAL_PREF', () => {
    expect(outgoingAttributes({ origin: 2 }, 65001, 65001)).toEqual({ origin: 2, asPath: [], localPref: 100 });
    expect(outgoingAttributes({ localPref: 50 }, 65001, 65001).localPref).toBe(50);
  });
});

describe('resolveNextHop', () => {
  it('maps "self" to our address of the right family', () => {
    expect(resolveNextHop('self', 1, { selfIpv4: '127.0.0.1' })).toBe('127.0.0.1');
    expect(resolveNextHop('self', 2, { selfIpv4: '127.0.0.1' })).toBe('::ffff:127.0.0.1');
    expect(resolveNextHop('self', 2, { selfIpv6: '::1' })).toBe('::1');
    expect(resolveNextHop('self', 1, { selfIpv6: '::1' })).toBeUndefined();
    expect(resolveNextHop('198.51.100.1', 1, {})).toBe('198.51.100.1');
    // L2VPN (AFI 25): the session's own address, not an IPv4-mapped IPv6 one.
    expect(resolveNextHop('self', 25, { selfIpv4: '127.0.0.1' })).toBe('127.0.0.1');
    expect(resolveNextHop('self', 25, { selfIpv6: '::1' })).toBe('::1');
  });
});
