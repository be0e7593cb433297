import { AttributeSets } from '../../lib/rib/attribute-sets';

describe('AttributeSets', () => {
  const source = (med: number, nextHop = '198.51.100.1') => ({ afi: 1, safi: 1, nextHop, attributes: { origin: 0, med } });

  it('interns decoded sets by their fields and forgets a set no route points at', () => {
    const sets = new AttributeSets();
    const a = sets.acquire(source(1));
    expect(sets.acquire(source(1))).toBe(a);
    const b = sets.acquire(source(2));
    expect(b).not.toBe(a);
    expect(sets.size).toBe(2);
    sets.release(a);
    expect(sets.size).toBe(2);
    sets.release(a);
    expect(sets.size).toBe(1);
    expect(() => sets.get(a)).toThrow(/no attribute set/);
  });

  it('interns sets read with their bytes by family, next hop and bytes', () => {
    const sets = new AttributeSets();
    const a = sets.acquire({ ...source(1), bytesKey: 'bytes 1' });
    expect(sets.acquire({ ...source(1), bytesKey: 'bytes 1' })).toBe(a);
    expect(sets.acquire({ ...source(1, '198.51.100.2'), bytesKey: 'bytes 1' })).not.toBe(a);
    expect(sets.acquire({ ...source(1), afi: 2, nextHop: '2001:db8::1', bytesKey: 'bytes 1' })).not.toBe(a);
    expect(sets.acquire({ ...source(1), bytesKey: 'bytes 2' })).not.toBe(a);
    // A set built in code has no bytes: it is kept apart even when its fields are equal.
    expect(sets.acquire(source(1))).not.toBe(a);
    expect(sets.size).toBe(5);
    sets.release(a);
    sets.release(a);
    expect(sets.size).toBe(4);
    const again = sets.acquire({ ...source(1), bytesKey: 'bytes 1' });
    expect(again).not.toBe(a);
    expect(sets.get(again).attributes).toEqual({ origin: 0, med: 1 });
  });
});
