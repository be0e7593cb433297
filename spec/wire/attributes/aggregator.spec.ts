import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { ASN2, ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('AGGREGATOR (RFC 4271 §5.1.7, RFC 6793)', () => {
  it('decodes and encodes the 8-octet form on a 4-octet session', () => {
    const bytes = hex`c0 07 08 00011170 c0000202  # optional transitive, AGGREGATOR, length 8, AS 70000, 192.0.2.2`;
    const aggregator = { asn: 70000, address: '192.0.2.2' };
    expect(decodeClean(bytes, ASN4).attributes).toEqual({ aggregator });
    expect(encodeList({ attributes: { aggregator } }, ASN4)).toBe(toHex(bytes));
  });

  it('decodes and encodes the 6-octet form on a 2-octet session', () => {
    const bytes = hex`c0 07 06 fde8 c0000202  # length 6, AS 65000, 192.0.2.2`;
    const aggregator = { asn: 65000, address: '192.0.2.2' };
    expect(decodeClean(bytes, ASN2).attributes).toEqual({ aggregator });
    expect(encodeList({ attributes: { aggregator } }, ASN2)).toBe(toHex(bytes));
  });

  it.each([
    ['6 octets on a 4-octet session', hex`c0 07 06 fde8 c0000202`],
    ['AS 0 (RFC 7607)', hex`c0 07 08 00000000 c0000202`],
    ['the Optional bit clear', hex`40 07 08 00011170 c0000202`],
  ])('is discarded with %s (RFC 7606 §7.7)', (_why, bytes) => {
    expect(decodeList(bytes, ASN4)).toMatchObject({ action: AttrAction.DISCARD, discarded: [7], parts: { attributes: {} } });
  });

  it('is discarded with 8 octets on a 2-octet session', () => {
    expect(decodeList(hex`c0 07 08 00011170 c0000202`, ASN2)).toMatchObject({ action: AttrAction.DISCARD, discarded: [7] });
  });
});
