/**
 * The community words of a flow route's `then`, against the unicast route parser of lib/api
 * (which families may not import): the same word gives the same value, so the two can be merged
 * into one lib/wire parser later without changing either.
 */
import { communityOfWord as apiCommunity, extendedCommunityOfWord as apiExtended } from '../../../lib/api/commands/community-words';
import { communityOfWord, extendedCommunityOfWord, largeCommunityOfWord } from '../../../lib/families/flowspec/parse-communities';

describe('flow community words', () => {
  it.each(['65000:1', '0:0', '65535:65535', '4259905793', '0xFDE80001', 'no-export', 'NO-EXPORT', 'no-peer', 'nopeer', 'blackhole', 'no-advertise'])(
    'community %s as lib/api reads it',
    (word) => {
      expect(communityOfWord(word)).toBe(apiCommunity(word));
    },
  );

  it.each([
    'target:65000:1',
    'origin:65000:1',
    'target:192.0.2.1:7',
    'origin:192.0.2.1:7',
    'target:4200000000:7',
    'target4:65000:7',
    'origin4:65000:7',
    'target:65000L:7',
    'target:65000:192.0.2.1',
    '65000:1',
    'redirect:65000:7',
    'redirect-to-nexthop',
    'bandwidth:65000:1000',
    'l2info:19:0:1500:1',
    '0x0002fde800000001',
  ])('extended community %s as lib/api reads it', (word) => {
    expect(extendedCommunityOfWord(word)).toBe(apiExtended(word));
  });

  it('reads the FlowSpec spellings of ExaBGP 5', () => {
    expect(extendedCommunityOfWord('rate-limit:0')).toBe(0x8006000000000000n);
    expect(extendedCommunityOfWord('rate-limit:1000:packets')).toBe(0x800c0000447a0000n);
    expect(extendedCommunityOfWord('redirect:4200000000:7')).toBe(0x8208fa56ea000007n);
    expect(extendedCommunityOfWord('redirect:192.0.2.1:7')).toBe(0x8108c00002010007n);
    expect(extendedCommunityOfWord('copy-to-nexthop')).toBe(0x0800000000000001n);
    expect(extendedCommunityOfWord('interface-set:non-transitive:input:3405770241:1')).toBe(0x4702caffee014001n);
  });

  it('says why a word is not one', () => {
    expect(communityOfWord('65536:1')).toMatch(/each part 0..65535/);
    expect(largeCommunityOfWord('1:2')).toMatch(/global:local1:local2/);
    expect(largeCommunityOfWord('1:2:3')).toEqual([1, 2, 3]);
    expect(extendedCommunityOfWord('frob:1:2')).toMatch(/^expected an extended community/);
    expect(extendedCommunityOfWord('redirect:[2001:db8::1]:7')).toMatch(/redirect:AS:NUMBER/);
    expect(extendedCommunityOfWord('interface-set:sideways:input:1:1')).toMatch(/not "sideways"/);
  });
});
