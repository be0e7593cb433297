/**
 * The MP_REACH_NLRI next hop a FlowSpec family reads (lib/families/flow/next-hop.ts): none (0
 * octets, RFC 8955 §4, what GoBGP sends), a plain address (what ExaBGP sends for a redirect), and for
 * flow-vpn (SAFI 134) also an RD then the address (RFC 4364 §4.3.2, RFC 4659 §3.2.1).
 */
import { decodeFlowNextHop } from '../../../lib/families/flow/next-hop';

const RD = '0000000000000000';
const V4 = 'c0000201'; // 192.0.2.1
const V6 = '20010db8000000000000000000000001'; // 2001:db8::1
const LL = 'fe800000000000000000000000000001'; // fe80::1

function read(hex: string, afi: 1 | 2, safi: 133 | 134): string[] | undefined {
  const buf = Buffer.from(`ff${hex}ff`, 'hex');
  return decodeFlowNextHop(buf, 1, buf.length - 1, { afi, safi });
}

describe('FlowSpec next hop', () => {
  it.each([
    ['none', '', 1, 134, []],
    ['IPv4', V4, 1, 134, ['192.0.2.1']],
    ['IPv6', V6, 1, 134, ['2001:db8::1']],
    ['IPv6 global + link-local', V6 + LL, 2, 134, ['2001:db8::1', 'fe80::1']],
    ['RD + IPv4', RD + V4, 1, 134, ['192.0.2.1']],
    ['RD + IPv6', RD + V6, 2, 134, ['2001:db8::1']],
    ['RD + IPv6 global, RD + link-local', RD + V6 + RD + LL, 2, 134, ['2001:db8::1', 'fe80::1']],
    ['none (flow)', '', 2, 133, []],
    ['IPv4 (flow)', V4, 1, 133, ['192.0.2.1']],
  ] as const)('reads %s', (_name, hex, afi, safi, expected) => {
    expect(read(hex, afi, safi)).toEqual(expected);
  });

  it.each([
    ['RD + IPv4 for flow (no RD there)', RD + V4, 1, 133],
    ['RD + IPv4 for IPv6 flow-vpn', RD + V4, 2, 134],
    ['IPv4 for IPv6 flow-vpn', V4, 2, 134],
    ['an RD alone', RD, 1, 134],
    ['5 octets', 'c000020101', 1, 134],
  ] as const)('refuses %s (malformed, RFC 7606 §7.11)', (_name, hex, afi, safi) => {
    expect(read(hex, afi, safi)).toBeUndefined();
  });
});
