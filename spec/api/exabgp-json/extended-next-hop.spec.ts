/**
 * ExaBGP's qa/decoding/vpnv4-extended-nexthop-1: a VPN-IPv4 route with an IPv6 next hop (RFC 8950:
 * RD of zeros and cafe::1, 24 octets) and a Prefix-SID SRv6 L3 service (RFC 9252). ExaBGP 4.2
 * cannot decode it (its pre-RFC SRv6 TLV wants 21 octets); the JSON ExaBGP's repository expects for
 * it is the oracle here, but for the label, which ExaBGP 6 prints with its raw 24 bits ([3, 49])
 * where 4.2's form, rxbgp's, is the label alone ([3]).
 */
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { updateAttributes } from '../../helpers/update-attributes';

const HEX =
  'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF007E02000000674001010040020040050400000064C010080002000400000064C0281C050019000100150020010001000000000000000000000000000000' +
  '00800E2C000180180000000000000000CAFE0000000000000000000000000001007000003100000004000000640A0100';

/** qa/decoding/vpnv4-extended-nexthop-1's expected "update" member, label in 4.2's form. */
const EXPECTED =
  '"update": { "attribute": { "origin": "igp", "local-preference": 100, "extended-community": [ { "value": 562967133290596, "string": "target:4:100" } ], ' +
  '"bgp-prefix-sid": { "l3-service": [ { "sid": "2001:1::", "flags": 0, "endpoint_behavior": 0 } ] } }, ' +
  '"announce": { "ipv4 mpls-vpn": { "cafe::1": [ { "nlri": "10.1.0.0/24", "label": [ [3] ], "rd": "4:100" } ] } } }';

describe("ExaBGP's vpnv4-extended-nexthop-1 vector (RFC 8950 next hop, RFC 9252 Prefix-SID)", () => {
  const ctx = familyContext(DEFAULT_CONTEXT);
  const message = decodeMessage(Buffer.from(HEX, 'hex'), ctx);

  it('decodes to the JSON ExaBGP expects', () => {
    expect(`{ ${updateMessageBody(message as never, 'in', ctx)} }`).toBe(`{ ${EXPECTED} }`);
  });

  // ExaBGP writes MP_REACH_NLRI last, rxbgp in type order (RFC 4271 §5 "SHOULD"): each attribute's octets must match.
  it('encodes back to the same attributes, octet for octet', () => {
    const attributes = (message: Buffer) => updateAttributes(message).map((a) => `${a.type}:${a.flags}:${a.value.toString('hex')}`).sort();
    const ours = encodeMessage(message, ctx);
    expect(ours.length).toBe(HEX.length / 2);
    expect(attributes(ours)).toEqual(attributes(Buffer.from(HEX, 'hex')));
  });
});
