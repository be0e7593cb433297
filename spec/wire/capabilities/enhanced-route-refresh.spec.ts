import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv } from './tlv';

describe('enhanced route refresh capability (RFC 7313 §3.1)', () => {
  it('is code 70 with no value', () => {
    expectTlv(hex`46 00`, { kind: 'enhanced-route-refresh' });
  });

  it('keeps a non-empty value as unknown', () => {
    expectKeptOpaque(hex`46 01 01`);
  });
});
