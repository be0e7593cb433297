import { hex } from '../../helpers/hex';
import { decodeTlv, expectKeptOpaque, expectTlv } from './tlv';

describe('ADD-PATH capability (RFC 7911 §4)', () => {
  it('lists <AFI, SAFI, Send/Receive> for every family in one capability', () => {
    expectTlv(
      hex`45 08      # code 69, length 8
          0001 01 01 # IPv4 unicast, receive
          0002 01 03 # IPv6 unicast, send and receive`,
      {
        kind: 'add-path',
        families: [
          { afi: 1, safi: 1, mode: 1 },
          { afi: 2, safi: 1, mode: 3 },
        ],
      },
    );
    expectTlv(hex`45 04 0001 80 02 # VPNv4, send`, { kind: 'add-path', families: [{ afi: 1, safi: 128, mode: 2 }] });
  });

  it('treats a Send/Receive value other than 1-3 as not understood (RFC 7911 §4)', () => {
    expectKeptOpaque(hex`45 08 0001 01 01 0002 01 04`);
    expectKeptOpaque(hex`45 04 0001 01 00`);
  });

  it('keeps a length that is not a multiple of 4 as unknown', () => {
    expectKeptOpaque(hex`45 05 0001 01 01 00`);
  });

  it('accepts an empty list', () => {
    expect(decodeTlv(hex`45 00`)).toEqual([{ kind: 'add-path', families: [] }]);
  });
});
