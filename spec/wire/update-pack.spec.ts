import { MAX_EXTENDED_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH } from '../../lib/wire/iana';
import { decodeUpdate } from '../../lib/wire/update';
import { packUpdates } from '../../lib/wire/update-pack';
import { familyKey, type Announced, type CodecContext, type PathAttributes, type UpdateMessage } from '../../lib/wire/types';
import { MARKER, toHex } from '../helpers/hex';
import { ASN4, encodeBody } from './update-helpers';

const attrs: PathAttributes = {
  origin: 0,
  asPath: [{ type: 2, asns: [65000, 70000] }],
  med: 10,
  communities: [65000 * 65536 + 1],
  largeCommunities: [[65000, 1, 2]],
};

/** Checks the header of every message and decodes its body. */
function decodeAll(messages: Buffer[], maxLength: number, ctx: CodecContext = ASN4): UpdateMessage[] {
  return messages.map((message) => {
    expect(message.length).toBeLessThanOrEqual(maxLength);
    expect(toHex(message.subarray(0, 16))).toBe(MARKER);
    expect(message.readUInt16BE(16)).toBe(message.length);
    expect(message[18]).toBe(2);
    const update = decodeUpdate(message, 19, message.length, ctx);
    expect(update.errorAction).toBeUndefined();
    return update;
  });
}

function v4Prefixes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`);
}

function v6Prefixes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `2001:db8:${(i + 1).toString(16)}::/48`);
}

describe('packUpdates', () => {
  it('packs 10,000 IPv4 /24 into full 4096-octet UPDATEs, in order, attributes in each', () => {
    const prefixes = v4Prefixes(10_000);
    const announced: Announced = { afi: 1, safi: 1, prefixes, nextHop: ['192.0.2.1'] };
    const messages = packUpdates(attrs, announced, undefined, ASN4, MAX_MESSAGE_LENGTH);
    const updates = decodeAll(messages, MAX_MESSAGE_LENGTH);
    expect(updates.flatMap((u) => u.announced.flatMap((a) => a.prefixes))).toEqual(prefixes);
    for (const update of updates) expect(update.attributes).toEqual({ ...attrs, nextHop: '192.0.2.1' });
    // Every message but the last has no room left for one more /24 (4 octets).
    for (const message of messages.slice(0, -1)) expect(message.length).toBeGreaterThan(MAX_MESSAGE_LENGTH - 4);
    expect(messages.length).toBe(Math.ceil(10_000 / updates[0].announced[0].prefixes.length));
  });

  it('packs 10,000 IPv6 /48 into MP_REACH_NLRI between the attributes below and above type 14', () => {
    const prefixes = v6Prefixes(10_000);
    const announced: Announced = { afi: 2, safi: 1, prefixes, nextHop: ['2001:db8::1', 'fe80::1'] };
    const messages = packUpdates(attrs, announced, undefined, ASN4, MAX_MESSAGE_LENGTH);
    const updates = decodeAll(messages, MAX_MESSAGE_LENGTH);
    expect(updates.flatMap((u) => u.announced.flatMap((a) => a.prefixes))).toEqual(prefixes);
    for (const update of updates) {
      expect(update.attributes).toEqual(attrs);
      expect(update.announced).toHaveLength(1);
      expect(update.announced[0].nextHop).toEqual(['2001:db8::1', 'fe80::1']);
    }
    for (const message of messages.slice(0, -1)) expect(message.length).toBeGreaterThan(MAX_MESSAGE_LENGTH - 7);
  });

  it('writes exactly what encodeUpdateBody writes when everything fits one message', () => {
    for (const announced of [
      { afi: 1, safi: 1, prefixes: ['10.0.0.0/8', '10.1.0.0/16'], nextHop: ['192.0.2.1'] },
      { afi: 2, safi: 1, prefixes: ['2001:db8::/32'], nextHop: ['2001:db8::1'] },
      { afi: 2, safi: 1, prefixes: v6Prefixes(40), nextHop: ['2001:db8::1'] }, // MP_REACH_NLRI past 255 octets
    ]) {
      const [message, ...rest] = packUpdates(attrs, announced, undefined, ASN4, MAX_MESSAGE_LENGTH);
      expect(rest).toEqual([]);
      const body = encodeBody({ type: 'update', withdrawn: [], attributes: attrs, announced: [announced] });
      expect(toHex(message.subarray(19))).toBe(body);
    }
  });

  it('uses fewer, larger messages with extended messages (RFC 8654)', () => {
    const prefixes = v4Prefixes(50_000);
    const announced: Announced = { afi: 1, safi: 1, prefixes, nextHop: ['192.0.2.1'] };
    const messages = packUpdates(attrs, announced, undefined, ASN4, MAX_EXTENDED_MESSAGE_LENGTH);
    expect(messages.length).toBe(4);
    const updates = decodeAll(messages, MAX_EXTENDED_MESSAGE_LENGTH, { ...ASN4, extendedMessage: true });
    expect(updates.flatMap((u) => u.announced.flatMap((a) => a.prefixes))).toEqual(prefixes);
  });

  it('withdraws first, in the classic field or MP_UNREACH_NLRI', () => {
    const v4 = packUpdates({}, undefined, { afi: 1, safi: 1, prefixes: v4Prefixes(3000) }, ASN4, MAX_MESSAGE_LENGTH);
    const v4Updates = decodeAll(v4, MAX_MESSAGE_LENGTH);
    expect(v4Updates.flatMap((u) => u.withdrawn.flatMap((w) => w.prefixes))).toEqual(v4Prefixes(3000));
    expect(v4Updates.every((u) => Object.keys(u.attributes).length === 0 && u.withdrawn[0].mp === undefined)).toBe(true);

    const both = packUpdates(
      attrs,
      { afi: 2, safi: 1, prefixes: ['2001:db8:ffff::/48'], nextHop: ['2001:db8::1'] },
      { afi: 2, safi: 1, prefixes: v6Prefixes(1000) },
      ASN4,
      MAX_MESSAGE_LENGTH,
    );
    const updates = decodeAll(both, MAX_MESSAGE_LENGTH);
    expect(updates.slice(0, -1).flatMap((u) => u.withdrawn.flatMap((w) => w.prefixes))).toEqual(v6Prefixes(1000));
    expect(updates[updates.length - 1].announced[0].prefixes).toEqual(['2001:db8:ffff::/48']);
  });

  it('carries ADD-PATH identifiers (RFC 7911)', () => {
    const ctx = { ...ASN4, addPath: new Set([familyKey(1, 1)]) };
    const prefixes = v4Prefixes(2000);
    const pathIds = prefixes.map((_, i) => i * 7);
    const messages = packUpdates(attrs, { afi: 1, safi: 1, prefixes, pathIds, nextHop: ['192.0.2.1'] }, undefined, ctx, MAX_MESSAGE_LENGTH);
    const updates = decodeAll(messages, MAX_MESSAGE_LENGTH, ctx);
    expect(updates.flatMap((u) => u.announced[0].pathIds)).toEqual(pathIds);
  });

  it('sends nothing for empty lists', () => {
    expect(packUpdates(attrs, { afi: 1, safi: 1, prefixes: [], nextHop: ['192.0.2.1'] }, undefined, ASN4, 4096)).toEqual([]);
  });

  it('refuses an invalid prefix, an out-of-range maxLength and attributes that leave no room', () => {
    const announced = { afi: 1, safi: 1, prefixes: ['10.0.0.0/8', '10.0.0.1/8'], nextHop: ['192.0.2.1'] };
    expect(() => packUpdates(attrs, announced, undefined, ASN4, 4096)).toThrow(/10\.0\.0\.1\/8/);
    expect(() => packUpdates(attrs, announced, undefined, ASN4, 70000)).toThrow(/maxLength/);
    const huge = { ...attrs, communities: Array.from({ length: 1100 }, (_, i) => i) };
    expect(() => packUpdates(huge, { ...announced, prefixes: ['10.0.0.0/8'] }, undefined, ASN4, 4096)).toThrow(/no room/);
  });
});
