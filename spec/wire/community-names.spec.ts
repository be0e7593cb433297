import { communityName, communityValue, WELL_KNOWN_COMMUNITY_NAMES } from '../../lib/wire/community-names';
import { WellKnownCommunity } from '../../lib/wire/iana';

describe('well-known community names', () => {
  it.each([
    ['no-export', 0xffffff01],
    ['no-advertise', 0xffffff02],
    ['no-export-subconfed', 0xffffff03],
    ['nopeer', 0xffffff04],
    ['blackhole', 0xffff029a],
    ['graceful-shutdown', 0xffff0000],
    ['accept-own', 0xffff0001],
    ['llgr-stale', 0xffff0006],
    ['no-llgr', 0xffff0007],
  ])('maps %s to and from 0x%s', (name, value) => {
    expect(communityValue(name)).toBe(value);
    expect(communityName(value)).toBe(name);
  });

  it('names every WellKnownCommunity of iana.ts', () => {
    expect(WELL_KNOWN_COMMUNITY_NAMES.map(([, value]) => value).sort()).toEqual(Object.values(WellKnownCommunity).sort());
  });

  it("accepts ExaBGP's no-peer and any case; ordinary communities have no name", () => {
    expect(communityValue('no-peer')).toBe(0xffffff04);
    expect(communityValue('NO-EXPORT')).toBe(0xffffff01);
    expect(communityValue('65000:1')).toBeUndefined();
    expect(communityName(65000 * 65536 + 1)).toBeUndefined();
    expect(communityName(-255)).toBe('no-export'); // the same 32 bits read as signed
  });
});
