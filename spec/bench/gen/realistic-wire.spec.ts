import { hex, toHex } from '../../helpers/hex';
import { attribute, encodeSetAttributes, ipv6Bytes, nlriLength, writeIpv4Nlri, writeIpv6Nlri } from '../../../bench/gen/realistic-wire';
import { attributeSets } from './tiny-table';

describe('realistic attribute bytes', () => {
  const sets = attributeSets([
    { origin: 0, asPath: [3356, 64500], med: 10, communities: [3356 * 65536 + 7, 3356 * 65536 + 8], large: [[3356, 1, 2]] },
    { origin: 2, asPath: [] },
  ]);

  it('encodes a set in ascending type order, split around MP_REACH_NLRI', () => {
    const a = encodeSetAttributes(sets, 0, { kind: 'none' });
    expect(toHex(a.head)).toBe(
      toHex(hex`
        40 01 01 00                       # ORIGIN IGP
        40 02 0a 02 02 00000d1c 0000fbf4  # AS_PATH 3356 64500
        80 04 04 0000000a                 # MULTI_EXIT_DISC 10
        c0 08 08 0d1c0007 0d1c0008        # COMMUNITIES 3356:7 3356:8
      `),
    );
    expect(toHex(a.tail)).toBe(toHex(hex`c0 20 0c 00000d1c 00000001 00000002  # LARGE_COMMUNITY 3356:1:2`));
  });

  it('encodes an empty AS path as an empty attribute and the NEXT_HOP when asked', () => {
    const a = encodeSetAttributes(sets, 1, { kind: 'next-hop', address: 0xc6336401 });
    expect(toHex(a.head)).toBe(toHex(hex`40 01 01 02   40 02 00   40 03 04 c6336401`));
    expect(a.tail.length).toBe(0);
  });

  it('sets the Extended Length bit only past 255 octets', () => {
    expect(toHex(attribute(0xc0, 8, Buffer.alloc(255)).subarray(0, 3))).toBe('c008ff');
    expect(toHex(attribute(0xc0, 8, Buffer.alloc(256)).subarray(0, 4))).toBe('d0080100');
  });

  it('writes NLRI with only the octets the length covers', () => {
    const b = Buffer.alloc(16);
    expect(writeIpv4Nlri(b, 0, 0x0a010200, 23)).toBe(4);
    expect(toHex(b.subarray(0, 4))).toBe('170a0102');
    expect(writeIpv4Nlri(b, 0, 0x14000000, 8)).toBe(2);
    expect(toHex(b.subarray(0, 2))).toBe('0814');
    expect(writeIpv6Nlri(b, 0, 0x2a00_0001 * 2 ** 16 + 0x0280, 41)).toBe(7);
    expect(toHex(b.subarray(0, 7))).toBe('292a0000010280');
    expect(nlriLength(48)).toBe(7);
    expect(nlriLength(0)).toBe(1);
  });

  it('reads IPv6 next hops', () => {
    expect(toHex(ipv6Bytes('2001:db8::1'))).toBe('20010db8000000000000000000000001');
    expect(toHex(ipv6Bytes('::'))).toBe('0'.repeat(32));
    expect(() => ipv6Bytes('2001:db8::g')).toThrow();
  });
});
