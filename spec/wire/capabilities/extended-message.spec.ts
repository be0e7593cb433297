import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv } from './tlv';

describe('extended message capability (RFC 8654 §3)', () => {
  it('is code 6 with length 0', () => {
    expectTlv(hex`06 00`, { kind: 'extended-message' });
  });

  it('keeps a non-empty value as unknown', () => {
    expectKeptOpaque(hex`06 02 ffff`);
  });
});
