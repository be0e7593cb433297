import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv, decodeTlv } from './tlv';

describe('multiprotocol capability (RFC 4760 §8)', () => {
  it('carries AFI, a reserved octet and SAFI', () => {
    expectTlv(hex`01 04 # code 1, length 4
                  0002  # AFI IPv6
                  00    # reserved
                  01    # SAFI unicast`, { kind: 'multiprotocol', afi: 2, safi: 1 });
    expectTlv(hex`01 04 0019 00 46 # L2VPN EVPN`, { kind: 'multiprotocol', afi: 25, safi: 70 });
  });

  it('ignores the reserved octet on receipt', () => {
    expect(decodeTlv(hex`01 04 0001 ff 80`)).toEqual([{ kind: 'multiprotocol', afi: 1, safi: 128 }]);
  });

  it('keeps a value that is not 4 octets as unknown', () => {
    expectKeptOpaque(hex`01 03 0001 01`);
    expectKeptOpaque(hex`01 05 0001 00 01 00`);
  });
});
