import {
  IPV4_EXCLUDED,
  IPV4_LENGTH_SHARES,
  IPV6_EXCLUDED,
  IPV6_LENGTH_SHARES,
  findKey,
  generateIpv4Keys,
  generateIpv6Keys,
  ipv4Key,
  ipv4KeyAddress,
  ipv4KeyText,
  ipv4TextKey,
  ipv6Key,
  ipv6KeyHigh48,
  ipv6KeyText,
  ipv6TextKey,
  keyLength,
  lengthCounts,
  overlapsExcluded,
  uniqueSorted,
} from '../../../bench/gen/realistic-prefixes';
import { SeededRandom } from '../../../bench/gen/seeded-random';

describe('realistic prefixes', () => {
  it('splits a count over the lengths so the parts add up exactly, /24 the largest share', () => {
    for (const n of [1, 7, 1000, 1_050_000]) {
      const counts = lengthCounts(IPV4_LENGTH_SHARES, n);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(n);
    }
    const full = lengthCounts(IPV4_LENGTH_SHARES, 1_050_000);
    expect(full.get(24)! / 1_050_000).toBeCloseTo(0.62, 1);
    expect(full.get(22)!).toBeGreaterThan(full.get(23)!);
    expect(full.get(8)!).toBeGreaterThan(0);
    expect(lengthCounts(IPV6_LENGTH_SHARES, 240_000).get(48)! / 240_000).toBeCloseTo(0.53, 1);
  });

  it('writes and reads IPv4 keys as text', () => {
    const key = ipv4Key(0x0a010200, 23);
    expect(ipv4KeyAddress(key)).toBe(0x0a010200);
    expect(keyLength(key)).toBe(23);
    expect(ipv4KeyText(key)).toBe('10.1.2.0/23');
    expect(ipv4TextKey('10.1.2.0/23')).toBe(key);
    expect(ipv4TextKey('255.255.255.0/24')).toBe(ipv4Key(0xffffff00, 24));
    for (const bad of ['10.1.3.0/23', '10.1.2/23', '10.1.2.0', '10.1.2.256/24', '10.1.2.0/33', 'x/8', '10.1.2.0/']) {
      expect(ipv4TextKey(bad)).toBe(-1);
    }
  });

  it('writes IPv6 keys in RFC 5952 form and reads any spelling of them', () => {
    const key = ipv6Key(0x2a00_0001 * 2 ** 16 + 0x0200, 40);
    expect(ipv6KeyHigh48(key)).toBe(0x2a00_0001 * 2 ** 16 + 0x0200);
    expect(ipv6KeyText(key)).toBe('2a00:1:200::/40');
    expect(ipv6KeyText(ipv6Key(0x2a00 * 2 ** 32, 16))).toBe('2a00::/16');
    expect(ipv6KeyText(ipv6Key(0x2a00_0001 * 2 ** 16, 32))).toBe('2a00:1::/32');
    for (const spelling of ['2a00:1:200::/40', '2A00:0001:0200::/40', '2a00:1:200:0:0:0:0:0/40', '2a00:1:200:0::0/40']) {
      expect(ipv6TextKey(spelling)).toBe(key);
    }
    for (const bad of ['2a00:1:201::/40', '2a00:1:200::1/40', '2a00:1:200::/49', '::1/128', 'fe80::/10', '2a00::1::/40', '2a00:1:200:/40', '2a00/40']) {
      expect(ipv6TextKey(bad)).toBe(-1);
    }
  });

  it('finds keys by binary search and removes duplicates from a sorted array', () => {
    const a = Float64Array.from([1, 1, 2, 5, 5, 5, 9]);
    expect(uniqueSorted(a)).toBe(4);
    const keys = a.subarray(0, 4);
    expect(Array.from(keys)).toEqual([1, 2, 5, 9]);
    expect(findKey(keys, 5)).toBe(2);
    expect(findKey(keys, 3)).toBe(-1);
  });

  it('tells which prefixes touch an excluded network', () => {
    expect(overlapsExcluded(127 * 2 ** 24, 8, IPV4_EXCLUDED, 32)).toBe(true);
    expect(overlapsExcluded(0x7e000000, 7, IPV4_EXCLUDED, 32)).toBe(true); // 126.0.0.0/7 covers 127/8
    expect(overlapsExcluded(0xc6336400, 24, IPV4_EXCLUDED, 32)).toBe(true); // 198.51.100.0/24
    expect(overlapsExcluded(0xc6000000, 8, IPV4_EXCLUDED, 32)).toBe(true); // 198/8 covers it
    expect(overlapsExcluded(0xc6336500, 24, IPV4_EXCLUDED, 32)).toBe(false); // 198.51.101.0/24
    expect(overlapsExcluded(0xe1000000, 8, IPV4_EXCLUDED, 32)).toBe(true); // 225/8, multicast
    expect(overlapsExcluded(0x0b000000, 8, IPV4_EXCLUDED, 32)).toBe(false);
    expect(overlapsExcluded(0x2001_0db8 * 2 ** 16 + 5, 48, IPV6_EXCLUDED, 48)).toBe(true);
    expect(overlapsExcluded(0x2001_0000 * 2 ** 16, 16, IPV6_EXCLUDED, 48)).toBe(true);
    expect(overlapsExcluded(0x2001_0db9 * 2 ** 16, 32, IPV6_EXCLUDED, 48)).toBe(false);
  });

  it('draws distinct, canonical IPv4 prefixes of /8–/24 outside the excluded space, sorted', () => {
    const keys = generateIpv4Keys(new SeededRandom(3), 20000);
    expect(keys.length).toBe(20000);
    const lengths = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) expect(keys[i]! > keys[i - 1]!).toBe(true);
      const address = ipv4KeyAddress(keys[i]!);
      const length = keyLength(keys[i]!);
      expect(length >= 8 && length <= 24).toBe(true);
      expect(address % 2 ** (32 - length)).toBe(0);
      expect(overlapsExcluded(address, length, IPV4_EXCLUDED, 32)).toBe(false);
      lengths.set(length, (lengths.get(length) ?? 0) + 1);
    }
    expect(lengths.get(24)! / 20000).toBeCloseTo(0.62, 1);
  });

  it('draws distinct, canonical IPv6 prefixes of /28–/48 in 2000::/3 outside 2001:db8::/32, sorted', () => {
    const keys = generateIpv6Keys(new SeededRandom(4), 5000);
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) expect(keys[i]! > keys[i - 1]!).toBe(true);
      const high48 = ipv6KeyHigh48(keys[i]!);
      const length = keyLength(keys[i]!);
      expect(length >= 28 && length <= 48).toBe(true);
      expect(high48 % 2 ** (48 - length)).toBe(0);
      expect(Math.floor(high48 / 2 ** 45)).toBe(1); // 001 in the top three bits
      expect(overlapsExcluded(high48, length, IPV6_EXCLUDED, 48)).toBe(false);
      expect(ipv6TextKey(ipv6KeyText(keys[i]!))).toBe(keys[i]);
    }
  });

  it('gives the same prefixes for the same seed', () => {
    expect(generateIpv4Keys(new SeededRandom(5), 500)).toEqual(generateIpv4Keys(new SeededRandom(5), 500));
    expect(generateIpv4Keys(new SeededRandom(5), 500)).not.toEqual(generateIpv4Keys(new SeededRandom(6), 500));
  });
});
