import { nlriJsonItems, nlriTextItems } from '../../lib/api/nlri-items';
import { ipv4UnicastFamily } from '../../lib/families';
import { hex } from '../helpers/hex';

describe('NLRI items of ExaBGP events', () => {
  it("come from the list's family descriptor (packed IPv4 unicast read without a text array first)", () => {
    const field = hex`00000002 18 0a0000  # path 2, 10.0.0.0/24`;
    const list = ipv4UnicastFamily.wire.decodeField({ afi: 1, safi: 1 }, field, 0, field.length, true);
    expect(nlriJsonItems(list)).toEqual(['{ "nlri": "10.0.0.0/24", "path-information": "0.0.0.2" }']);
    expect(nlriTextItems(list)).toEqual(['10.0.0.0/24 path-information 0.0.0.2']);
  });

  it('print the texts of a hand-built list of a family rxbgp does not carry as ExaBGP prints prefixes', () => {
    const list = { afi: 1, safi: 2, prefixes: ['224.0.0.0/4'] };
    expect(nlriJsonItems(list)).toEqual(['{ "nlri": "224.0.0.0/4" }']);
    expect(nlriTextItems(list)).toEqual(['224.0.0.0/4']);
  });
});
