import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { decodePass, decodeTextPass, decodeUpdates } from '../../../bench/micro/decode-pass';
import { encodedPrefixCount, encodeGroups, encodePass, groupPrefixes } from '../../../bench/micro/encode-pass';
import { announcedCount, isPacked, listCount } from '../../../bench/micro/prefix-count';
import { attachPackedIpv4 } from '../../../lib/wire/nlri';
import { KEEPALIVE_BYTES } from '../../../lib/wire/keepalive';
import { ATTRIBUTES, END_OF_RIB, slash24s, updatesFor } from './update-fixtures';

describe('decode and encode passes', () => {
  const prefixes = slash24s(300); // 10.0.0.0/24 … 10.1.43.0/24
  const updates = [...updatesFor(prefixes, 512), END_OF_RIB];

  it('decodePass counts every announced prefix', () => {
    expect(decodePass(updates, DEFAULT_CONTEXT)).toBe(300);
  });

  it('decodeTextPass reads every prefix as text', () => {
    const characters = prefixes.reduce((sum, p) => sum + p.length, 0);
    expect(decodeTextPass(updates, DEFAULT_CONTEXT)).toEqual({ prefixes: 300, characters });
  });

  it('refuses a message that is not an UPDATE', () => {
    expect(() => decodePass([KEEPALIVE_BYTES], DEFAULT_CONTEXT)).toThrow(/message 0 decoded as keepalive/);
  });

  it('groups the attributes with the prefixes of each UPDATE, skipping the End-of-RIB', () => {
    const decoded = decodeUpdates(updates, DEFAULT_CONTEXT);
    const groups = encodeGroups(decoded);
    expect(groups).toHaveLength(updates.length - 1);
    expect(groups[0].attributes).toMatchObject(ATTRIBUTES);
    expect(groups.flatMap((g) => g.announced.prefixes)).toEqual(prefixes);
    expect(groupPrefixes(groups)).toBe(300);
    expect(decoded.map(announcedCount).reduce((a, b) => a + b)).toBe(300);
  });

  it('encodePass packs the groups back to the same messages, and they decode to every prefix', () => {
    const groups = encodeGroups(decodeUpdates(updates, DEFAULT_CONTEXT));
    const original = updates.slice(0, -1);
    expect(encodePass(groups, DEFAULT_CONTEXT, 512)).toEqual({
      messages: original.length,
      bytes: original.reduce((sum, u) => sum + u.length, 0),
    });
    expect(encodedPrefixCount(groups, DEFAULT_CONTEXT, 512)).toBe(300);
    // One group per UPDATE: larger messages change nothing, smaller ones split each group.
    expect(encodePass(groups, DEFAULT_CONTEXT, 4096).messages).toBe(original.length);
    expect(encodePass(groups, DEFAULT_CONTEXT, 100).messages).toBeGreaterThan(original.length);
    expect(encodedPrefixCount(groups, DEFAULT_CONTEXT, 100)).toBe(300);
  });
});

describe('listCount and isPacked', () => {
  it('count a plain text list and a packed IPv4 list alike, telling which is which', () => {
    const plain = { afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.0.1.0/24'] } as const;
    // 10.0.0.0/24 packed as address × 64 + length (lib/wire/nlri/packed-ipv4.ts).
    const packed = attachPackedIpv4({ afi: 1, safi: 1 } as { afi: 1; safi: 1; prefixes?: string[] }, [0x0a000000 * 64 + 24]);
    expect([listCount(plain), isPacked(plain)]).toEqual([2, false]);
    expect([listCount(packed), isPacked(packed)]).toEqual([1, true]);
    expect(packed.prefixes).toEqual(['10.0.0.0/24']);
  });
});
