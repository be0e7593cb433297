import { buildNlriRegistry, decodeNlriRun, encodeNlriRun, ipv4Unicast, NLRI_CODECS, nlriCodec } from '../../../lib/wire/nlri';
import { Writer } from '../../../lib/wire/writer';
import { hex, toHex } from '../../helpers/hex';

describe('NLRI registry', () => {
  it('finds codecs by (AFI, SAFI)', () => {
    expect(nlriCodec(1, 1)?.name).toBe('ipv4 unicast');
    expect(nlriCodec(2, 1)?.name).toBe('ipv6 unicast');
    expect(nlriCodec(25, 70)).toBeUndefined();
  });

  it('refuses a family registered twice', () => {
    expect(() => buildNlriRegistry([...NLRI_CODECS, ipv4Unicast])).toThrow(/ipv4 unicast.*twice/);
  });
});

describe('NLRI runs', () => {
  it('reads and writes ADD-PATH identifiers before each NLRI (RFC 7911 §3)', () => {
    const bytes = hex`
      00000001 18 0a0000   # path 1, 10.0.0.0/24
      ffffffff 18 0a0000   # path 4294967295, 10.0.0.0/24
    `;
    const run = decodeNlriRun(ipv4Unicast, bytes, 0, bytes.length, true);
    expect(run).toEqual({ prefixes: ['10.0.0.0/24', '10.0.0.0/24'], pathIds: [1, 4294967295] });
    const w = new Writer(4);
    encodeNlriRun(w, ipv4Unicast, run, true);
    expect(toHex(w.view())).toBe(toHex(bytes));
  });

  it('writes path identifier 0 when a list has none', () => {
    const w = new Writer(4);
    encodeNlriRun(w, ipv4Unicast, { prefixes: ["10.0.0.0/8"] }, true);
    expect(toHex(w.view())).toBe('00000000080a');
  });

  it('leaves pathIds out of an empty run and out of runs without ADD-PATH', () => {
    expect(decodeNlriRun(ipv4Unicast, hex``, 0, 0, true)).toEqual({ prefixes: [] });
    expect(decodeNlriRun(ipv4Unicast, hex`080a`, 0, 2, false)).toEqual({ prefixes: ['10.0.0.0/8'] });
  });

  it('throws Invalid Network Field on a truncated path identifier', () => {
    expect(() => decodeNlriRun(ipv4Unicast, hex`000000 01`, 0, 4, true)).toThrow(expect.objectContaining({ code: 3, subcode: 10 }));
  });
});
