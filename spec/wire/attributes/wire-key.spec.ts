import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { wireKeyOf } from '../../../lib/wire/attributes';
import { wireKeyOfRange } from '../../../lib/wire/attributes/wire-key';
import { DEFAULT_CONTEXT, type CodecContext, type UpdateMessage } from '../../../lib/wire/types';

const bytes = (...b: number[]) => Buffer.from(b);

describe('wireKeyOfRange', () => {
  const buf = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  const key = (...skips: number[]) => Buffer.from(wireKeyOfRange(buf, 1, 9, skips[0]!, skips[1]!, skips[2]!, skips[3]!), 'latin1');

  it('is the range itself when nothing is skipped', () => {
    expect(key(1, 1, 1, 1)).toEqual(bytes(1, 2, 3, 4, 5, 6, 7, 8));
  });

  it('leaves out a TLV at the start, the end or the middle', () => {
    expect(key(1, 3, 1, 1)).toEqual(bytes(3, 4, 5, 6, 7, 8));
    expect(key(1, 1, 7, 9)).toEqual(bytes(1, 2, 3, 4, 5, 6));
    expect(key(4, 6, 1, 1)).toEqual(bytes(1, 2, 3, 6, 7, 8));
  });

  it('leaves out two TLVs given in either order', () => {
    expect(key(2, 3, 6, 8)).toEqual(bytes(1, 3, 4, 5, 8));
    expect(key(6, 8, 2, 3)).toEqual(bytes(1, 3, 4, 5, 8));
    expect(key(1, 3, 7, 9)).toEqual(bytes(3, 4, 5, 6));
  });
});

describe('the wire key of decoded attributes', () => {
  const update = (prefix: string, med: number): UpdateMessage => ({
    type: 'update',
    withdrawn: [],
    attributes: { origin: 0, asPath: [{ type: 2, asns: [65001, 65002] }], med, communities: [0xfde80001] },
    announced: [{ afi: 2, safi: 1, prefixes: [prefix], nextHop: ['2001:db8::1'] }],
  });
  const roundTrip = (msg: UpdateMessage, ctx: CodecContext = DEFAULT_CONTEXT) => decodeMessage(encodeMessage(msg, ctx), ctx) as UpdateMessage;

  it('is the same for two UPDATEs that differ only in their MP_REACH_NLRI, and differs with an attribute', () => {
    const a = roundTrip(update('2001:db8:1::/48', 5)).attributes;
    const b = roundTrip(update('2001:db8:2::/48', 5)).attributes;
    const c = roundTrip(update('2001:db8:1::/48', 6)).attributes;
    expect(wireKeyOf(a)).toBeDefined();
    expect(wireKeyOf(a)).toBe(wireKeyOf(b));
    expect(wireKeyOf(c)).not.toBe(wireKeyOf(a));
  });

  it('is hidden from equality and from copies', () => {
    const decoded = roundTrip(update('2001:db8:1::/48', 5));
    expect(decoded.attributes).toEqual({ origin: 0, asPath: [{ type: 2, asns: [65001, 65002] }], med: 5, communities: [0xfde80001] });
    expect(Object.keys(decoded.attributes)).not.toContain('wireKey');
    expect(wireKeyOf({ ...decoded.attributes })).toBeUndefined();
  });

  it('is not made for 2-octet AS sessions, whose paths RFC 6793 merging may rewrite', () => {
    const ctx: CodecContext = { ...DEFAULT_CONTEXT, asn4: false };
    expect(wireKeyOf(roundTrip(update('2001:db8:1::/48', 5), ctx).attributes)).toBeUndefined();
  });

  it('is not made when RFC 7606 handled a malformed attribute', () => {
    // ORIGIN, AS_PATH, NEXT_HOP, then a MED of 3 octets (malformed, RFC 7606 §7.4: treat-as-withdraw).
    const attrs = bytes(0x40, 1, 1, 0, 0x40, 2, 0, 0x40, 3, 4, 198, 51, 100, 1, 0x80, 4, 3, 0, 0, 1);
    const body = Buffer.concat([bytes(0, 0, 0, attrs.length), attrs, bytes(24, 10, 0, 0)]);
    const header = Buffer.alloc(19, 0xff);
    header.writeUInt16BE(19 + body.length, 16);
    header[18] = 2;
    const msg = decodeMessage(Buffer.concat([header, body]), DEFAULT_CONTEXT) as UpdateMessage;
    expect(msg.errorAction).toBeDefined();
    expect(wireKeyOf(msg.attributes)).toBeUndefined();
  });
});
