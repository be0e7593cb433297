import { AttrAction, BgpError } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('MP_UNREACH_NLRI (RFC 4760 §4)', () => {
  it('decodes and encodes IPv6 withdrawals', () => {
    const bytes = hex`
      80 0f 0b           # optional non-transitive, MP_UNREACH_NLRI, length 11
      0002 01            # AFI IPv6, SAFI unicast
      20 20010db8        # 2001:db8::/32
      10 2001            # 2001::/16
    `;
    const mpUnreach = { afi: 2, safi: 1, prefixes: ['2001:db8::/32', '2001::/16'] };
    expect(decodeClean(bytes).mpUnreach).toEqual(mpUnreach);
    expect(encodeList({ attributes: {}, mpUnreach })).toBe(toHex(bytes));
  });

  it('decodes and encodes the empty form of any family (End-of-RIB, RFC 4724)', () => {
    const bytes = hex`80 0f 03 0019 46  # L2VPN EVPN, nothing withdrawn`;
    expect(decodeClean(bytes).mpUnreach).toEqual({ afi: 25, safi: 70, prefixes: [] });
    expect(encodeList({ attributes: {}, mpUnreach: { afi: 25, safi: 70, prefixes: [] } })).toBe(toHex(bytes));
  });

  it('marks IPv4 unicast as carried in MP attributes', () => {
    expect(decodeClean(hex`80 0f 05 0001 01 08 0a`).mpUnreach).toEqual({ afi: 1, safi: 1, mp: true, prefixes: ['10.0.0.0/8'] });
  });

  it('resets the session when too short for AFI and SAFI (RFC 7606 §7.12)', () => {
    const bytes = hex`80 0f 02 0002`;
    expect(() => decodeList(bytes)).toThrow(BgpError);
    expect(() => decodeList(bytes)).toThrow(expect.objectContaining({ code: 3, subcode: 9, data: bytes }));
  });

  it('discards withdrawals of a family without codec', () => {
    expect(decodeList(hex`80 0f 05 0019 46 01 02`)).toMatchObject({ action: AttrAction.DISCARD, discarded: [15] });
  });
});
