import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv } from './tlv';

describe('4-octet AS capability (RFC 6793 §3)', () => {
  it('carries the AS in 4 octets', () => {
    expectTlv(hex`41 04 # code 65, length 4
                  fa56ea62 # AS 4200000098`, { kind: 'asn4', asn: 4200000098 });
    expectTlv(hex`41 04 0000fde9`, { kind: 'asn4', asn: 65001 });
    expectTlv(hex`41 04 ffffffff`, { kind: 'asn4', asn: 4294967295 });
  });

  it('keeps a value that is not 4 octets as unknown', () => {
    expectKeptOpaque(hex`41 02 fde9`);
  });
});
