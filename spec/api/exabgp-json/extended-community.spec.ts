import { extendedCommunityJson } from '../../../lib/api/exabgp-json/extended-community';

/** The text ExaBGP 4.2 gives each community (see exabgp/bgp/message/update/attribute/community/extended/). */
function text(hex: string): string {
  const json = extendedCommunityJson(BigInt(`0x${hex}`));
  const match = /^\{ "value": (\d+), "string": "(.*)" \}$/.exec(json);
  if (!match) throw new Error(json);
  return match[2];
}

describe('extended communities as ExaBGP prints them', () => {
  it.each([
    ['0002fde800000001', 'target:65000:1'],
    ['4002fde800000001', 'target:65000:1'], // the non-transitive bit does not change the text
    ['8102c000020a0005', 'target:192.0.2.10:5'], // nor the IANA-authority bit
    ['0202000100010002', 'target:65537L:2'],
    ['0003fde8c0000201', 'origin:65000:192.0.2.1'],
    ['0103c000020a0007', 'origin:7:192.0.2.10'], // ExaBGP swaps the fields of this one
    ['0203000100010009', 'origin:65537L:9'],
    ['0013fde800000003', 'rtrecord:65000:3'],
    ['0113c000020a0004', 'rtrecord:192.0.2.10:4'],
    ['0213000100010004', 'rtrecord:65537L:4'],
    ['800600004c800000', 'rate-limit:67108864'],
    ['80060000c0600000', 'rate-limit:-3'], // Python's %d of -3.5 truncates toward zero
    ['8007000000000000', 'action '],
    ['8007000000000002', 'action sample'],
    ['8007000000000003', 'action sample-terminal'],
    ['8008fde800000064', 'redirect:65000:100'],
    ['820800010001000a', 'redirect:65537:10'],
    ['800900000000002e', 'mark 46'],
    ['010cc000020a0001', 'copy-to-nexthop-ietf 192.0.2.10 (with copy)'],
    ['010cc000020a0000', 'redirect-to-nexthop-ietf 192.0.2.10'],
    ['0800000000000001', 'copy-to-nexthop'],
    ['0800000000000000', 'redirect-to-nexthop'],
    ['030c000000000008', 'encap:VXLAN'],
    ['030c00000000000d', 'encap:MPLS-in-UDP'],
    ['030c0000000000ff', 'encap:encap:UNKNOWN-255'],
    ['800a130000fa0064', 'l2info:19:0:250:100'],
    ['0600000000000005', 'mac-mobility:5'],
    ['0600010000000005', 'mac-mobility:5:sticky'],
    ['0314000000070000', 'consistentHashSortOrder:7'],
    ['0702fde80000400a', 'interface-set:input:4259840000:10'],
    ['0702fde80000000a', 'interface-set:0:4259840000:10'],
    ['4004fde84c800000', ''], // link bandwidth: ExaBGP never imports its class
    ['0909090909090909', ''],
  ])('%s is "%s"', (hex, expected) => {
    expect(text(hex)).toBe(expected);
  });

  it('prints the octets as one unsigned 64-bit number', () => {
    expect(extendedCommunityJson(0xffffffffffffffffn)).toBe('{ "value": 18446744073709551615, "string": "" }');
    expect(extendedCommunityJson(0x0002fde800000001n)).toBe('{ "value": 842122827661313, "string": "target:65000:1" }');
  });

  it('prints MAC mobility with the octets ExaBGP rebuilds: type 0x06, sticky 0 or 1, sequence', () => {
    // received as non-transitive 0x46 with flags 0x03: ExaBGP rebuilds 06 00 00 00 <seq>
    expect(extendedCommunityJson(0x4600030000000007n)).toBe(`{ "value": ${0x0600000000000007n}, "string": "mac-mobility:7" }`);
  });
});
