import fc from 'fast-check';
import { WellKnownCommunity } from '../../lib/wire/iana';
import { formatCommunity, parseCommunity, WELL_KNOWN_COMMUNITY_NAMES } from '../../lib/wire/community-text';

describe('community text (RFC 1997)', () => {
  it.each([
    ['65001:100', 0xfde90064],
    ['0:0', 0],
    ['65535:65535', 0xffffffff],
    ['1:2', 0x00010002],
    ['4259905636', 0xfde90064], // a plain uint32
  ])('parses %s', (text, value) => {
    expect(parseCommunity(text)).toBe(value);
  });

  it.each([
    ['no-export', 0xffffff01], // RFC 1997
    ['no-advertise', 0xffffff02], // RFC 1997
    ['no-export-subconfed', 0xffffff03], // RFC 1997
    ['nopeer', 0xffffff04], // RFC 3765
    ['blackhole', 0xffff029a], // RFC 7999
    ['graceful-shutdown', 0xffff0000], // RFC 8326
    ['accept-own', 0xffff0001], // RFC 7611
    ['NO-EXPORT', 0xffffff01],
  ])('knows the well-known name %s', (text, value) => {
    expect(parseCommunity(text)).toBe(value);
  });

  it('has a name for every well-known community in iana.ts', () => {
    expect(WELL_KNOWN_COMMUNITY_NAMES).toHaveLength(Object.keys(WellKnownCommunity).length);
    for (const value of Object.values(WellKnownCommunity)) expect(parseCommunity(formatCommunity(value))).toBe(value);
  });

  it.each(['65536:1', '1:65536', '1:2:3', '', ':', '1:', 'a:b', '-1:2', '4294967296', 'no_export', ' 1:2'])('refuses %j', (text) => {
    expect(parseCommunity(text)).toMatch(/^expected a community/);
  });

  it('formats names and AS:value', () => {
    expect(formatCommunity(0xffffff01)).toBe('no-export');
    expect(formatCommunity(0xfde90064)).toBe('65001:100');
  });

  it('parses what it formats', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => parseCommunity(formatCommunity(v)) === v));
  });
});
