import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv } from './tlv';

describe('Cisco route refresh capability (code 128)', () => {
  it('is code 128 with no value', () => {
    expectTlv(hex`80 00`, { kind: 'route-refresh-cisco' });
  });

  it('keeps a non-empty value as unknown', () => {
    expectKeptOpaque(hex`80 02 0000`);
  });
});
