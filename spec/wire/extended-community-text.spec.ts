import fc from 'fast-check';
import { hex } from '../helpers/hex';
import { formatExtendedCommunity, parseExtendedCommunity } from '../../lib/wire/extended-community-text';

const u64 = (b: Buffer): bigint => b.readBigUInt64BE(0);

describe('extended community text (RFC 4360)', () => {
  it.each([
    [
      'target:65001:1',
      hex`00        # type: transitive two-octet AS specific (RFC 4360 §3.1)
          02        # subtype: route target (RFC 4360 §4)
          fde9      # global administrator: AS 65001
          00000001  # local administrator: 1`,
    ],
    [
      'origin:65001:6',
      hex`00 03     # two-octet AS specific, route origin (RFC 4360 §5)
          fde9      # AS 65001
          00000006  # 6`,
    ],
    [
      'target:65535:4294967295',
      hex`00 02 ffff ffffffff  # the largest two-octet AS form`,
    ],
    [
      'target:192.0.2.1:5',
      hex`01 02     # type: transitive IPv4 address specific (RFC 4360 §3.2), route target
          c0000201  # global administrator: 192.0.2.1
          0005      # local administrator: 5`,
    ],
    [
      'origin:10.0.0.1:65535',
      hex`01 03 0a000001 ffff  # IPv4 address specific route origin`,
    ],
    [
      'target:4200000000:5',
      hex`02 02     # type: transitive four-octet AS specific (RFC 5668 §2), route target
          fa56ea00  # global administrator: AS 4200000000
          0005      # local administrator: 5`,
    ],
    [
      'target:65536:1',
      hex`02 02 00010000 0001  # the smallest AS that needs four octets`,
    ],
  ])('parses %s to its RFC layout and formats it back', (text, bytes) => {
    expect(parseExtendedCommunity(text)).toBe(u64(bytes));
    expect(formatExtendedCommunity(u64(bytes))).toBe(text);
  });

  it('parses the raw 8-octet form and keeps other types raw when formatting', () => {
    expect(parseExtendedCommunity('0x8006000000000000')).toBe(u64(hex`80 06 000000000000  # flowspec traffic-rate 0`));
    expect(formatExtendedCommunity(0x8006000000000000n)).toBe('0x8006000000000000');
    expect(parseExtendedCommunity('0x0002FDE900000001')).toBe(0x0002fde900000001n);
    // A four-octet AS layout carrying a small AS would read back as the two-octet layout, so it stays raw.
    expect(formatExtendedCommunity(0x0202_0000fde9_0001n)).toBe('0x02020000fde90001');
  });

  it('accepts the kind in any case', () => {
    expect(parseExtendedCommunity('Target:65001:1')).toBe(0x0002fde900000001n);
  });

  it.each([
    ['target:65536:65536', 'expected an extended community whose NUMBER is 0..65535 after a four-octet AS (above 65535)'],
    ['target:192.0.2.1:65536', 'expected an extended community whose NUMBER is 0..65535 after an IPv4 administrator'],
    ['target:1:4294967296', 'expected an extended community whose NUMBER (after the last colon) is 0..4294967295'],
    ['target:x:1', 'expected an extended community whose ADMIN is an AS number (0..4294967295) or an IPv4 address'],
    ['target:4294967296:1', 'expected an extended community whose ADMIN is an AS number (0..4294967295) or an IPv4 address'],
    ['target:1', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits'],
    ['color:1:2', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits'],
    ['0x123', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits'],
    ['0x00020000000000011', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits'],
  ])('refuses %s', (text, message) => {
    expect(parseExtendedCommunity(text)).toBe(message);
  });

  it.each([
    ['mac-mobility:5:sticky', hex`06 00 01 00 00000005  # MAC mobility (RFC 7432 §7.7): sticky, sequence 5`, 'mac-mobility:5:sticky'],
    ['mac-mobility:4294967295', hex`06 00 00 00 ffffffff  # not sticky, the largest sequence`, 'mac-mobility:4294967295'],
    ['encap:VXLAN', hex`03 0c 00000000 0008  # encapsulation (RFC 9012 §4.1), tunnel type 8 VXLAN`, 'encap:VXLAN'],
    ['encap:mpls-in-udp', hex`03 0c 00000000 000d  # MPLS-in-UDP, any case`, 'encap:MPLS-in-UDP'],
    ['encap:99', hex`03 0c 00000000 0063  # a tunnel type ExaBGP has no name for`, '0x030c000000000063'],
    ['esi-label:100:single-active', hex`06 01 01 0000 000640  # ESI label (RFC 7432 §7.5), label 100`, '0x0601010000000640'],
    ['router-mac:02:AA:bb:cc:dd:ee', hex`06 03 02aabbccddee  # router's MAC (RFC 9135 §8.1)`, '0x060302aabbccddee'],
    ['default-gateway', hex`03 0d 000000000000  # default gateway (RFC 7432 §7.8)`, '0x030d000000000000'],
  ])('reads the EVPN community %s, and prints what reads back', (text, bytes, printed) => {
    expect(parseExtendedCommunity(text)).toBe(u64(bytes));
    expect(formatExtendedCommunity(u64(bytes))).toBe(printed);
  });

  it('prints MAC mobility with other flags or a reserved octet set as hex, so it reads back', () => {
    expect(formatExtendedCommunity(0x0600_02_00_00000005n)).toBe('0x0600020000000005');
    expect(formatExtendedCommunity(0x0600_00_01_00000005n)).toBe('0x0600000100000005');
  });

  it.each([
    ['mac-mobility:x', 'expected mac-mobility:SEQUENCE or mac-mobility:SEQUENCE:sticky'],
    ['encap:foo', 'expected encap:TYPE (Default, L2TPv3, GRE, IP-in-IP, VXLAN, NVGRE, MPLS, VXLAN-GPE, MPLS-in-UDP or a number)'],
    ['esi-label:1048576', 'expected esi-label:LABEL or esi-label:LABEL:single-active (LABEL 0..1048575)'],
    ['router-mac:00:11', 'expected router-mac:00:11:22:33:44:55'],
    ['default-gateway:1', 'default-gateway takes no value'],
  ])('refuses %s', (text, message) => {
    expect(parseExtendedCommunity(text)).toBe(message);
  });

  it('parses what it formats, for any 8 octets', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => parseExtendedCommunity(formatExtendedCommunity(v)) === v));
  });
});
