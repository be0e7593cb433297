import fc from 'fast-check';
import { Ipv4PrefixRun, parseDottedQuad } from '../../../bench/gen/prefix-run';

describe('Ipv4PrefixRun', () => {
  it('names consecutive /24s, carrying into the next octets', () => {
    const run = new Ipv4PrefixRun('10.0.0.0', 70000);
    expect(run.text(0)).toBe('10.0.0.0/24');
    expect(run.text(1)).toBe('10.0.1.0/24');
    expect(run.text(256)).toBe('10.1.0.0/24');
    expect(run.text(65536)).toBe('11.0.0.0/24');
    expect(run.text(69999)).toBe('11.17.111.0/24'); // 69999 = 65536 + 17 × 256 + 111
  });

  it('finds every prefix of the run by its text', () => {
    const run = new Ipv4PrefixRun('10.0.0.0', 1_000_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), (i) => run.indexOf(run.text(i)) === i));
  });

  it('does not find prefixes outside the run, of another length, or with host bits', () => {
    const run = new Ipv4PrefixRun('10.0.0.0', 256);
    expect(run.indexOf('10.1.0.0/24')).toBe(-1); // one past the end
    expect(run.indexOf('9.255.255.0/24')).toBe(-1); // one before the start
    expect(run.indexOf('10.0.0.0/25')).toBe(-1);
    expect(run.indexOf('10.0.0.0/8')).toBe(-1);
    expect(run.indexOf('10.0.0.1/24')).toBe(-1);
    expect(run.indexOf('10.0.0.0')).toBe(-1);
    expect(run.indexOf('2001:db8::/32')).toBe(-1);
  });

  it('refuses runs that are not /24 aligned, empty, or reach 127.0.0.0/8', () => {
    expect(() => new Ipv4PrefixRun('10.0.0.1', 1)).toThrow(/not a \/24 network/);
    expect(() => new Ipv4PrefixRun('10.0.0.0', 0)).toThrow(/positive integer/);
    expect(() => new Ipv4PrefixRun('126.255.255.0', 1)).not.toThrow();
    expect(() => new Ipv4PrefixRun('126.255.255.0', 2)).toThrow(/would reach 127\.0\.0\.0\/8 \(at most 1\)/);
  });
});

describe('parseDottedQuad', () => {
  it('reads dotted quads as uint32', () => {
    expect(parseDottedQuad('0.0.0.0')).toBe(0);
    expect(parseDottedQuad('255.255.255.255')).toBe(0xffffffff);
    expect(parseDottedQuad('198.51.100.1')).toBe(0xc6336401);
    expect(parseDottedQuad('10.1.2.0/24', 8)).toBe(0x0a010200);
  });

  it('agrees with the text it was made from for every uint32', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (n) => parseDottedQuad(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`) === n),
    );
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.0', '1..2.3', '1.2.3.', 'a.b.c.d', '1.2.3.4 ', '1234.0.0.0'])('refuses %j', (text) => {
    expect(parseDottedQuad(text)).toBeUndefined();
  });
});
