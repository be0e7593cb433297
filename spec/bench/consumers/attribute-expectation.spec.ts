import { communityOf, expectationArgs, meetsExpectation, parseExpectationArgs } from '../../../bench/consumers/attribute-expectation';

describe('attribute expectations', () => {
  it('reads back the arguments it writes', () => {
    const args = expectationArgs({ med: 4242, community: '64512:4242' });
    expect(args).toEqual(['--expect-med', '4242', '--expect-community', '64512:4242']);
    expect(parseExpectationArgs(args)).toEqual({ med: 4242, community: 64512 * 65536 + 4242 });
    expect(parseExpectationArgs(expectationArgs({ med: 0 }))).toEqual({ med: 0 });
    expect(parseExpectationArgs([])).toBeUndefined();
  });

  it('refuses an unknown flag, a missing value and values it cannot hold', () => {
    expect(() => parseExpectationArgs(['--expect-lp', '1'])).toThrow(/unknown argument "--expect-lp"/);
    expect(() => parseExpectationArgs(['--expect-med'])).toThrow(/--expect-med needs a value/);
    expect(() => parseExpectationArgs(['--expect-med', '-1'])).toThrow(/--expect-med: an integer/);
    expect(() => parseExpectationArgs(['--expect-med', '4294967296'])).toThrow(/--expect-med: an integer/);
    expect(() => parseExpectationArgs(['--expect-community', '1:65536'])).toThrow(/a community is "asn:value"/);
    expect(communityOf('0:0')).toBe(0);
    expect(communityOf('65535:65535')).toBe(2 ** 32 - 1);
  });

  it('holds only when every expected attribute is there', () => {
    const e = { med: 4242, community: communityOf('64512:4242') };
    expect(meetsExpectation({ med: 4242, communities: [1, e.community] }, e)).toBe(true);
    expect(meetsExpectation({ med: 4242 }, e)).toBe(false);
    expect(meetsExpectation({ med: 4241, communities: [e.community] }, e)).toBe(false);
    expect(meetsExpectation({}, { med: 0 })).toBe(false);
    expect(meetsExpectation({ med: 0 }, { med: 0 })).toBe(true);
  });
});
