import { ATTRIBUTES, batch, meaning } from './batches';
import { factoryError, runPolicy } from './policy-context';

const COMMUNITY = 64512 * 65536 + 4242;

describe('bench/policies/set-med.js', () => {
  const options = { med: 4242, community: '64512:4242' };

  it('sets the MED and adds the community on batches that announce, without touching the input', () => {
    const input = batch(['10.0.0.0/24', '10.0.1.0/24'], ['10.9.0.0/24'], { ...ATTRIBUTES, med: 7, communities: [65001 * 65536 + 1] });
    const [out] = runPolicy('set-med.js', options, [input]);
    expect(out!.attributes).toEqual({ ...ATTRIBUTES, med: 4242, communities: [65001 * 65536 + 1, COMMUNITY] });
    expect(meaning(out!)).toEqual(meaning(input));
    expect(out!.announced).toBe(input.announced);
    expect(input.attributes).toEqual({ ...ATTRIBUTES, med: 7, communities: [65001 * 65536 + 1] });
  });

  it('gives batches that shared attributes one rewritten object, and leaves withdraw-only batches and rewritten attributes alone', () => {
    const withdrawOnly = batch([], ['10.0.0.0/24']);
    const done = batch(['10.0.2.0/24'], [], { ...ATTRIBUTES, med: 4242, communities: [COMMUNITY] });
    const [a, b, c, d] = runPolicy('set-med.js', options, [batch(['10.0.0.0/24']), batch(['10.0.1.0/24']), withdrawOnly, done]);
    expect(a!.attributes).toBe(b!.attributes);
    expect(a!.attributes).not.toBe(ATTRIBUTES);
    expect(c).toBe(withdrawOnly);
    expect(d).toBe(done);
  });

  it('sets only what its options name', () => {
    const [medOnly] = runPolicy('set-med.js', { med: 0 }, [batch(['10.0.0.0/24'])]);
    expect(medOnly!.attributes).toEqual({ ...ATTRIBUTES, med: 0 });
    const [communityOnly] = runPolicy('set-med.js', { community: '64512:4242' }, [batch(['10.0.0.0/24'])]);
    expect(communityOnly!.attributes).toEqual({ ...ATTRIBUTES, communities: [COMMUNITY] });
  });

  it('refuses a MED or community it cannot write', () => {
    expect(factoryError('set-med.js', { med: -1 })).toMatch(/options.med: an integer from 0 to 4294967295, got -1/);
    expect(factoryError('set-med.js', { med: 2 ** 32 })).toMatch(/options.med/);
    expect(factoryError('set-med.js', { community: '65536:1' })).toMatch(/options.community: "asn:value" with each from 0 to 65535, got "65536:1"/);
    expect(factoryError('set-med.js', { community: '1-2' })).toMatch(/options.community/);
  });
});
