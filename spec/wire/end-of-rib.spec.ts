import { endOfRib, endOfRibMessage } from '../../lib/wire/end-of-rib';
import { hex, toHex } from '../helpers/hex';
import { decodeBody, encodeBody } from './update-helpers';

describe('End-of-RIB (RFC 4724 §2)', () => {
  it('is an empty UPDATE for IPv4 unicast', () => {
    const body = hex`0000 0000  # no withdrawn routes, no attributes, no NLRI`;
    expect(endOfRib(decodeBody(body))).toEqual({ afi: 1, safi: 1 });
    expect(encodeBody(endOfRibMessage({ afi: 1, safi: 1 }))).toBe(toHex(body));
  });

  it('is an UPDATE with only an empty MP_UNREACH_NLRI for other families', () => {
    const body = hex`0000 0006  80 0f 03 0002 01  # MP_UNREACH_NLRI, IPv6 unicast, nothing withdrawn`;
    expect(endOfRib(decodeBody(body))).toEqual({ afi: 2, safi: 1 });
    expect(encodeBody(endOfRibMessage({ afi: 2, safi: 1 }))).toBe(toHex(body));
    // A family without NLRI codec still has an End-of-RIB.
    expect(encodeBody(endOfRibMessage({ afi: 25, safi: 70 }))).toBe('0000000680' + '0f0300' + '1946');
    expect(endOfRib(decodeBody(hex`0000 0006 800f03 001946`))).toEqual({ afi: 25, safi: 70 });
  });

  it('accepts IPv4 unicast signalled with an empty MP_UNREACH_NLRI', () => {
    expect(endOfRib(decodeBody(hex`0000 0006 800f03 000101`))).toEqual({ afi: 1, safi: 1 });
  });

  it.each([
    ['withdraws routes', hex`0002 080a 0000`],
    ['carries attributes', hex`0000 0004 400101 00`],
    ['also carries an attribute', hex`0000 000a 800f03 000201 400101 00`],
    ['withdraws IPv6 routes', hex`0000 000b 800f08 000201 20 20010db8`],
  ])('is not an UPDATE that %s', (_why, body) => {
    expect(endOfRib(decodeBody(body))).toBeUndefined();
  });
});
