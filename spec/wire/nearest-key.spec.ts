import { editDistance, nearestKey } from '../../lib/wire/nearest-key';

describe('nearestKey', () => {
  const keys = ['peerAddress', 'peerAs', 'holdTime', 'localAs', 'communities', 'routes', 'routeSets'];

  it.each([
    ['holdtime', 'holdTime'],
    ['peeras', 'peerAs'],
    ['PeerAdress', 'peerAddress'],
    ['comunities', 'communities'],
    ['route', 'routes'],
    ['routeset', 'routeSets'],
  ])('suggests %s -> %s', (typo, key) => {
    expect(nearestKey(typo, keys)).toBe(key);
  });

  it('suggests nothing for unrelated keys', () => {
    expect(nearestKey('bandwidth', keys)).toBeUndefined();
    expect(nearestKey('x', keys)).toBeUndefined();
  });

  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
