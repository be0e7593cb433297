import { HeldBits } from '../../../bench/measure/held-bits';

describe('HeldBits', () => {
  it('holds each index once and lets it go once', () => {
    const bits = new HeldBits(20, []);
    expect(bits.add(9)).toBe(true);
    expect(bits.add(9)).toBe(false);
    expect(bits.add(10)).toBe(true);
    expect(bits.remove(9)).toBe(true);
    expect(bits.remove(9)).toBe(false);
    expect(bits.add(9)).toBe(true);
  });

  it('stamps each milestone the first time the count reaches it, not again', () => {
    const bits = new HeldBits(10, [2, 3]);
    bits.mark(1);
    expect(bits.reached(2)).toBeUndefined();
    bits.mark(2);
    const at = bits.reached(2);
    expect(at).toEqual(expect.any(Number));
    bits.mark(1);
    bits.mark(2);
    expect(bits.reached(2)).toBe(at);
    expect(bits.reached(3)).toBeUndefined();
    bits.mark(3);
    expect(bits.reached(3)).toEqual(expect.any(Number));
  });
});
