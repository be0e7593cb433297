import { attachNlriValues, nlriValuesOf } from '../../../lib/wire/nlri/nlri-values';
import { copyNlri } from '../../../lib/wire/nlri/copy-nlri';
import { attachPackedIpv4, nlriCount, packedIpv4Of } from '../../../lib/wire/nlri/packed-ipv4';

describe('NLRI held as values, their text made on first read', () => {
  const printer = () => {
    const printed: number[] = [];
    return { printed, textOf: (v: number) => (printed.push(v), `rule ${v}`) };
  };

  it('counts, copies and hands back the values without printing any', () => {
    const { printed, textOf } = printer();
    const list = attachNlriValues({ afi: 1, safi: 133 }, [7, 8, 9], textOf);
    expect(nlriCount(list)).toBe(3);
    const copy = copyNlri({ afi: 1, safi: 133, nextHop: [] as string[] }, list);
    expect(nlriValuesOf(copy)?.values).toEqual([7, 8, 9]);
    expect(printed).toEqual([]);
  });

  it('prints every value once, on the first read of prefixes, then keeps the text', () => {
    const { printed, textOf } = printer();
    const list = attachNlriValues({ afi: 1, safi: 133 }, [7, 8], textOf);
    expect(list.prefixes).toEqual(['rule 7', 'rule 8']);
    expect(list.prefixes).toBe(list.prefixes);
    expect(printed).toEqual([7, 8]);
    // JSON and deep equality see plain text, as for any list.
    expect(JSON.parse(JSON.stringify(list))).toEqual({ afi: 1, safi: 133, prefixes: ['rule 7', 'rule 8'] });
  });

  it('assigning prefixes replaces the content and drops the values', () => {
    const list = attachNlriValues({ afi: 1, safi: 133 }, [7], printer().textOf);
    list.prefixes = ['other'];
    expect(nlriValuesOf(list)).toBeUndefined();
    expect(nlriCount(list)).toBe(1);
    expect(list.prefixes).toEqual(['other']);
  });

  it('copyNlri keeps packed IPv4 packed and plain text as text', () => {
    const packed = attachPackedIpv4({ afi: 1, safi: 1 }, [10 * 2 ** 24 * 64 + 24]);
    expect(packedIpv4Of(copyNlri({ afi: 1, safi: 1 }, packed))).toEqual([10 * 2 ** 24 * 64 + 24]);
    expect(copyNlri({ afi: 2, safi: 1 }, { prefixes: ['2001:db8::/32'] }).prefixes).toEqual(['2001:db8::/32']);
  });
});
