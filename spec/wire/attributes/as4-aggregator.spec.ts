import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { ASN2, ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('AS4_AGGREGATOR (RFC 6793)', () => {
  const bytes = hex`c0 12 08 00011170 c0000202  # optional transitive, AS4_AGGREGATOR, length 8, AS 70000, 192.0.2.2`;
  const aggregator = { asn: 70000, address: '192.0.2.2' };

  it('decodes as received and passes a given one through', () => {
    expect(decodeClean(bytes, ASN4).attributes).toEqual({ as4Aggregator: aggregator });
    expect(encodeList({ attributes: { as4Aggregator: aggregator } }, ASN4)).toBe(toHex(bytes));
  });

  it('is generated towards a 2-octet peer with AS_TRANS in AGGREGATOR (§4.2.2)', () => {
    expect(encodeList({ attributes: { aggregator } }, ASN2)).toBe(
      toHex(hex`c0 07 06 5ba0 c0000202  # AGGREGATOR AS_TRANS 192.0.2.2`) + toHex(bytes),
    );
  });

  it('is discarded when malformed (RFC 6793 §6)', () => {
    expect(decodeList(hex`c0 12 06 fde8 c0000202`, ASN2)).toMatchObject({ action: AttrAction.DISCARD, discarded: [18] });
  });
});
