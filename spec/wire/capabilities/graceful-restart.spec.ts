import { hex } from '../../helpers/hex';
import { expectKeptOpaque, expectTlv, encodeTlv } from './tlv';

describe('graceful restart capability (RFC 4724 §3)', () => {
  it('carries flags and restart time without families (BIRD, GoBGP as helpers)', () => {
    expectTlv(hex`40 02 # code 64, length 2
                  0078  # flags 0, restart time 120`, { kind: 'graceful-restart', flags: 0, restartTime: 120, families: [] });
  });

  it('carries R and N flags (RFC 8538) in the top 4 bits and per-family forwarding flags', () => {
    expectTlv(
      hex`40 0a       # code 64, length 10
          c0 5a       # R=1 N=1, restart time 90
          0001 01 80  # IPv4 unicast, forwarding state preserved
          0002 01 00  # IPv6 unicast`,
      {
        kind: 'graceful-restart',
        flags: 0xc,
        restartTime: 90,
        families: [
          { afi: 1, safi: 1, flags: 0x80 },
          { afi: 2, safi: 1, flags: 0 },
        ],
      },
    );
    expectTlv(hex`40 02 8f ff # R=1, 4095 s`, { kind: 'graceful-restart', flags: 8, restartTime: 4095, families: [] });
  });

  it('keeps malformed lengths as unknown', () => {
    expectKeptOpaque(hex`40 01 00`);
    expectKeptOpaque(hex`40 04 0078 0001`);
  });

  it('refuses to encode values that do not fit their bits', () => {
    expect(() => encodeTlv({ kind: 'graceful-restart', flags: 0, restartTime: 4096, families: [] })).toThrow(/12 bits/);
    expect(() => encodeTlv({ kind: 'graceful-restart', flags: 16, restartTime: 1, families: [] })).toThrow(/4/);
  });
});
