import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv, encodeTlv } from './tlv';

describe('FQDN capability (code 73, draft-walton-bgp-hostname-capability)', () => {
  it('carries a hostname and a domain name, each with a 1-octet length (as GoBGP sends it)', () => {
    expectTlv(hex`49 04 # code 73, length 4
                  02 766d # hostname "vm"
                  00      # no domain`, { kind: 'hostname', hostname: 'vm', domain: '' });
    expectTlv(hex`49 11 05 726f757465 0a 6578616d706c652e6e6c`, {
      kind: 'hostname',
      hostname: 'route',
      domain: 'example.nl',
    });
  });

  it('is UTF-8', () => {
    expectTlv(hex`49 08 05 6dc3bc6e7a 01 78`, { kind: 'hostname', hostname: 'münz', domain: 'x' });
  });

  it('keeps lengths that do not add up, and invalid UTF-8, as unknown', () => {
    expectKeptOpaque(hex`49 04 05 766d 00`);
    expectKeptOpaque(hex`49 05 02 766d 00 00`);
    expectKeptOpaque(hex`49 01 00`);
    expectKeptOpaque(hex`49 04 02 c328 00`);
  });

  it('refuses to encode a name of more than 255 octets', () => {
    expect(() => encodeTlv({ kind: 'hostname', hostname: 'h'.repeat(256), domain: '' })).toThrow(/255/);
  });
});
