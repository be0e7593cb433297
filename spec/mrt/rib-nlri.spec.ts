import { FAMILY_REGISTRY } from '../../lib/families';
import { genericNlri, prefixNlri } from '../../lib/mrt/rib-nlri';
import type { NlriCodec } from '../../lib/wire/nlri/nlri-codec';
import { familyKey } from '../../lib/wire/types';
import { hex } from '../helpers/hex';

const codec = (afi: number, safi: number) => FAMILY_REGISTRY.nlri.get(familyKey(afi, safi))!;
const fail = (what: string) => new Error(what);
// What follows the NLRI in a record: Entry Count 1, Peer Index 0, Originated Time, Attribute Length 4, ORIGIN IGP.
const ENTRIES = hex`0001 0000 6553f100 0004 40010100`;

describe('RIB_GENERIC NLRI (RFC 6396 §4.3.3): the one end at which the bytes are exactly one NLRI', () => {
  it('finds a length in bits (L3VPN, RFC 4364) and in octets (FlowSpec, RFC 8955), reading the NLRI by its codec', () => {
    const vpn = Buffer.concat([hex`70 000101 0000fdf20000000f c0a807`, ENTRIES]);
    expect(genericNlri(codec(1, 128), vpn, 0, vpn.length, fail)).toEqual({ end: 15, prefix: '192.168.7.0/24 label 16 rd 65010:15' });
    const flow = Buffer.concat([hex`08 01 18 0a0000 03 81 06`, ENTRIES]);
    expect(genericNlri(codec(1, 133), flow, 0, flow.length, fail)).toEqual({ end: 9, prefix: 'flow destination-ipv4 10.0.0.0/24 protocol =tcp' });
  });

  it('tries every end when no usual length field fits, and names the family when none is one NLRI', () => {
    // A codec whose NLRI is 0xAA and two octets, with no length field of its own.
    const fixedThree: NlriCodec = {
      afi: 1, safi: 250, name: 'ipv4 three-octet',
      decodeField(target, buf, start, end) {
        if (end - start !== 3 || buf[start] !== 0xaa) throw new Error('not one NLRI');
        return Object.assign(target, { prefixes: [buf.toString('hex', start, end)] });
      },
      count: (list) => list.prefixes.length,
      encodeRange: () => 0,
      decodeNextHop: () => [],
      encodeNextHop() {},
    };
    const record = Buffer.concat([hex`aa 05 ff`, ENTRIES]);
    expect(genericNlri(fixedThree, record, 0, record.length, fail)).toEqual({ end: 3, prefix: 'aa05ff' });
    const wrong = Buffer.concat([hex`ab 05 ff`, ENTRIES]);
    expect(() => genericNlri(fixedThree, wrong, 0, wrong.length, fail)).toThrow('no ipv4 three-octet NLRI before the entry count');
  });
});

describe('fixed-family RIB prefixes (RFC 6396 §4.3.2)', () => {
  it('reads Prefix Length and the fewest octets by the family codec, and says when they run past the record', () => {
    const v6 = Buffer.concat([hex`30 20010db80001`, ENTRIES]);
    expect(prefixNlri(FAMILY_REGISTRY.get(2, 1)!, v6, 0, v6.length, fail)).toEqual({ end: 7, prefix: '2001:db8:1::/48' });
    expect(() => prefixNlri(FAMILY_REGISTRY.get(2, 1)!, v6, 0, 5, fail)).toThrow('prefix runs past the record');
  });
});
