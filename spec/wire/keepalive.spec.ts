import { KEEPALIVE, KEEPALIVE_BYTES, decodeKeepalive } from '../../lib/wire/keepalive';
import { MARKER, hex, toHex } from '../helpers/hex';

describe('KEEPALIVE (RFC 4271 §4.4)', () => {
  it('is a bare 19-octet header, built once', () => {
    expect(toHex(KEEPALIVE_BYTES)).toBe(toHex(hex`${MARKER} 0013 04`));
    expect(decodeKeepalive(KEEPALIVE_BYTES, 19, 19)).toBe(KEEPALIVE);
    expect(KEEPALIVE).toEqual({ type: 'keepalive' });
  });

  it('rejects a body (1/2, data = the Length field)', () => {
    const long = hex`${MARKER} 0014 04 00`;
    expect(() => decodeKeepalive(long, 19, 20)).toThrow(expect.objectContaining({ code: 1, subcode: 2, data: hex`0014` }));
  });
});
