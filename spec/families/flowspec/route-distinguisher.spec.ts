/**
 * Route distinguisher text (RFC 4364 §4.2) as ExaBGP writes it, read back: every type a peer may
 * send, including the ones ExaBGP prints as hex, parses to the RD it came from, so the text of a
 * received flow-vpn rule is itself a rule rxbgp can read (RIB listings, `withdraw` with that text).
 */
import {
  decodeRouteDistinguisher,
  encodeRouteDistinguisher,
  formatRouteDistinguisher,
  parseRouteDistinguisher,
} from '../../../lib/families/flowspec';
import { Writer } from '../../../lib/wire/writer';

function wire(hex: string): string {
  const rd = decodeRouteDistinguisher(Buffer.from(hex, 'hex'), 0);
  const w = new Writer(8);
  encodeRouteDistinguisher(w, rd);
  expect(Buffer.from(w.view()).toString('hex')).toBe(hex);
  return formatRouteDistinguisher(rd);
}

describe('route distinguisher text', () => {
  it.each([
    ['0000fde800000007', '65000:7'], // type 0: 2-octet AS, 4-octet number
    ['0000ffff00010000', '65535:65536'],
    ['0001c00002010007', '192.0.2.1:7'], // type 1: IPv4 address, 2-octet number
    ['0002fa56ea000007', '4200000000:7'], // type 2: 4-octet AS, 2-octet number
    // type 2 with an AS below 65536: ExaBGP prints "100:7", the type 0 RD's text (another route); hex here
    ['0002000000640007', '0x0002000000640007'],
    ['0003010203040005', '0x0003010203040005'], // type 3 (RFC 7432 ESI labels, others): hex as ExaBGP prints it
    ['ffffffffffffffff', '0xFFFFFFFFFFFFFFFF'],
  ])('%s is "%s", which reads back to the same RD', (hex, text) => {
    expect(wire(hex)).toBe(text);
    expect(parseRouteDistinguisher(text)).toEqual(decodeRouteDistinguisher(Buffer.from(hex, 'hex'), 0));
  });

  it('reads a hex RD of a known type by that type\'s layout', () => {
    expect(parseRouteDistinguisher('0x0000fde800000007')).toEqual({ type: 0, admin: 65000, assigned: 7 });
    expect(parseRouteDistinguisher('0x0001c00002010007')).toEqual({ type: 1, admin: 0xc0000201, assigned: 7 });
  });

  it('refuses hex of another length with the ADMIN:NUMBER explanation', () => {
    expect(parseRouteDistinguisher('0x00030102030400')).toMatch(/expected a route distinguisher ADMIN:NUMBER/);
  });

  it('gives a type 0 and a type 2 RD with the same numbers different texts (they are different routes)', () => {
    const type0 = formatRouteDistinguisher({ type: 0, admin: 100, assigned: 7 });
    const type2 = formatRouteDistinguisher({ type: 2, admin: 100, assigned: 7 });
    expect(type0).toBe('100:7');
    expect(type2).not.toBe(type0);
    expect(parseRouteDistinguisher(type2)).toEqual({ type: 2, admin: 100, assigned: 7 });
  });
});
