import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv } from './tlv';

describe('route refresh capability (RFC 2918 §2)', () => {
  it('is code 2 with no value', () => {
    expectTlv(hex`02 00`, { kind: 'route-refresh' });
  });

  it('keeps a non-empty value as unknown', () => {
    expectKeptOpaque(hex`02 01 00`);
  });
});
