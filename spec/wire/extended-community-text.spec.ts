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
    ['target:1', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER or 0x and 16 hex digits'],
    ['color:1:2', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER or 0x and 16 hex digits'],
    ['0x123', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER or 0x and 16 hex digits'],
    ['0x00020000000000011', 'expected an extended community: target:ADMIN:NUMBER, origin:ADMIN:NUMBER or 0x and 16 hex digits'],
  ])('refuses %s', (text, message) => {
    expect(parseExtendedCommunity(text)).toBe(message);
  });

  it('parses what it formats, for any 8 octets', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => parseExtendedCommunity(formatExtendedCommunity(v)) === v));
  });
});
