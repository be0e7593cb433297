import fc from 'fast-check';
import { PrefixList } from '../../lib/policy/prefix-list';
import { formatIpv4Number } from '../../lib/wire/address';
import { RouteCursor } from '../../lib/policy/route-view';
import { attachPackedIpv4 } from '../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../lib/wire/nlri/ipv4-prefix';

const v4 = (...prefixes: string[]) => attachPackedIpv4({ afi: 1, safi: 1, nextHop: ['198.51.100.1'] }, prefixes.map(parseIpv4PrefixPacked));
const v6 = (...prefixes: string[]) => ({ afi: 2, safi: 1, nextHop: ['2001:db8::1'], prefixes });

function matching(list: PrefixList, nlri: ReturnType<typeof v4> | ReturnType<typeof v6>): string[] {
  const cursor = new RouteCursor().over(nlri, {});
  const out: string[] = [];
  for (let i = 0; i < nlri.prefixes.length; i++) if (list.matches(cursor.at(i))) out.push(cursor.prefix);
  return out;
}

describe('PrefixList', () => {
  it('matches exact prefixes, and ranges with ge and le', () => {
    const list = PrefixList.parse(['10.0.0.0/8 le 24', '192.168.0.0/16', '0.0.0.0/0 ge 25', '172.16.0.0/12 ge 20 le 22']);
    const routes = v4('10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.0/25', '192.168.0.0/16', '192.168.1.0/24', '198.51.100.128/25', '172.16.0.0/20', '172.16.0.0/23', '8.8.8.0/24');
    expect(matching(list, routes)).toEqual(['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.0/25', '192.168.0.0/16', '198.51.100.128/25', '172.16.0.0/20']);
  });

  it('matches IPv6 by address bytes, and an IPv4 list never matches IPv6', () => {
    const list = PrefixList.parse(['2001:db8::/32 le 48', 'fc00::/7 le 128', '10.0.0.0/8 le 32']);
    expect(matching(list, v6('2001:db8:1::/48', '2001:db8::/32', '2001:db9::/32', '2001:db8::/64', 'fd00:1::/48', '::/0'))).toEqual(['2001:db8:1::/48', '2001:db8::/32', 'fd00:1::/48']);
  });

  it('says which entry is wrong and why', () => {
    expect(() => PrefixList.parse(['10.0.0.0/8', '10.0.0.1/8'])).toThrow(/entry 1 "10.0.0.1\/8": .*host bits/);
    expect(() => PrefixList.parse(['10.0.0.0/8 le 7'])).toThrow(/entry 0 .*"le" needs a length from 8 to 32/);
    expect(() => PrefixList.parse(['10.0.0.0/8 ge 24 le 16'])).toThrow(/ge 24 is above le 16/);
    expect(() => PrefixList.parse(['10.0.0.0/8 max 24'])).toThrow(/unknown word "max"/);
  });

  it('matches IPv4 exactly as checking every entry would, whatever the lengths (property)', () => {
    const prefix = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([a, len]) => {
      const network = len === 0 ? 0 : (a & (0xffffffff << (32 - len))) >>> 0;
      return { network, len };
    });
    const entry = fc.tuple(prefix, fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 })).map(([p, x, y]) => {
      const ge = Math.max(p.len, Math.min(x, y));
      const le = Math.max(ge, Math.max(x, y, p.len));
      return { ...p, ge, le };
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.array(prefix, { minLength: 1, maxLength: 30 }), (entries, routes) => {
        const list = PrefixList.parse(entries.map((e) => `${formatIpv4Number(e.network)}/${e.len} ge ${e.ge} le ${e.le}`));
        const texts = routes.map((r) => `${formatIpv4Number(r.network)}/${r.len}`);
        const naive = (r: { network: number; len: number }) =>
          entries.some((e) => r.len >= e.ge && r.len <= e.le && (e.len === 0 || ((r.network & (0xffffffff << (32 - e.len))) >>> 0) === e.network));
        expect(matching(list, v4(...texts))).toEqual(routes.filter(naive).map((r) => `${formatIpv4Number(r.network)}/${r.len}`));
      }),
    );
  });
});
