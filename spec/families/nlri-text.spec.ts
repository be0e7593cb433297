import { nlriTextAt, nlriTexts } from '../../lib/families/nlri-text';
import { attachPackedIpv4, packedIpv4Of } from '../../lib/wire/nlri';
import { parseIpv4PrefixPacked } from '../../lib/wire/nlri/ipv4-prefix';

describe('NLRI text through the family', () => {
  const packedList = () => attachPackedIpv4({ afi: 1, safi: 1 }, ['10.0.0.0/24', '10.0.1.0/24'].map(parseIpv4PrefixPacked));

  it('makes the text of one NLRI of a packed IPv4 list without making the rest', () => {
    const list = packedList();
    expect(nlriTextAt(list, 1)).toBe('10.0.1.0/24');
    // The list still holds its packed form only: no text array was made and kept.
    expect(Object.getOwnPropertyDescriptor(list, 'prefixes')?.get).toBeDefined();
    expect(packedIpv4Of(list)).toHaveLength(2);
  });

  it('lists every text, for text lists, packed lists and families rxbgp does not carry', () => {
    expect(nlriTexts(packedList())).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(nlriTexts({ afi: 2, safi: 1, prefixes: ['2001:db8::/32'] })).toEqual(['2001:db8::/32']);
    expect(nlriTexts({ afi: 16388, safi: 71, prefixes: ['x'] })).toEqual(['x']);
    expect(nlriTextAt({ afi: 16388, safi: 71, prefixes: ['x'] }, 0)).toBe('x');
  });
});
