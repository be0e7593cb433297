/**
 * VPLS UPDATEs (spec/fixtures/simple-families/vectors.json: ExaBGP's qa/ VPLS messages and vectors
 * built from RFC 4761 §3.2.2 by make-vectors.py) through the whole message decoder to ExaBGP JSON
 * and text events, compared with what ExaBGP 4.2 prints (spec/interop/simple-families-exabgp.spec.ts
 * keeps the fixture honest), and back to the same octets.
 */
import { join } from 'path';
import { vplsFamily } from '../../../lib/families';
import { contextOf, decodeVector, jsonOf, readVectors, reencoded, textOf } from '../../helpers/family-vectors';

const VECTORS = readVectors(join(__dirname, '..', '..', 'fixtures', 'simple-families', 'vectors.json')).filter((v) => v.name.startsWith('vpls/') || v.name.startsWith('qa/'));
const BY_EXABGP = VECTORS.filter((v) => v.exabgp42 !== null);

describe('received VPLS UPDATEs', () => {
  it('covers announcements, withdrawals and End-of-RIB that ExaBGP 4.2 decodes', () => {
    expect(BY_EXABGP.length).toBe(10);
    expect(BY_EXABGP.filter((v) => v.exabgp42!.includes('"announce": { "l2vpn vpls"')).length).toBe(6);
    expect(BY_EXABGP.filter((v) => v.exabgp42!.includes('"withdraw": { "l2vpn vpls"')).length).toBe(2);
  });

  it.each(BY_EXABGP.map((v) => [v.name, v] as const))('%s prints what exabgp --decode prints', (_name, vector) => {
    expect(decodeVector(vector).errorAction).toBeUndefined();
    expect(jsonOf(vector)).toBe(vector.exabgp42);
  });

  it.each(BY_EXABGP.map((v) => [v.name, v] as const))("%s prints what ExaBGP 4.2's text encoder prints", (_name, vector) => {
    expect(textOf(vector)).toBe(vector.exabgp42Text);
  });

  it.each(VECTORS.map((v) => [v.name, v] as const))('%s encodes its NLRI and next hop back to the same octets', (_name, vector) => {
    const { expected, actual } = reencoded(vector);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it('reads several NLRI in one attribute, which ExaBGP 4.2 refuses (3/10)', () => {
    const vector = VECTORS.find((v) => v.name === 'vpls/two-nlri')!;
    expect(jsonOf(vector)).toBe(
      '{ "update": { "attribute": { "origin": "igp", "local-preference": 100 }, "announce": { "l2vpn vpls": { "192.0.2.1": [ ' +
        '{ "rd": "65000:1", "endpoint": 1, "base": 800000, "offset": 0, "size": 10 }, { "rd": "65000:2", "endpoint": 2, "base": 800016, "offset": 0, "size": 10 } ] } } } }',
    );
  });

  it('reads RFC 7911 path ids, which ExaBGP 4.2 does not, and prints them as for INET routes', () => {
    const vector = VECTORS.find((v) => v.name === 'vpls/add-path')!;
    expect(contextOf(vector).addPath.size).toBeGreaterThan(0);
    expect(jsonOf(vector)).toContain('{ "rd": "65000:1", "endpoint": 1, "base": 800000, "offset": 0, "size": 10, "path-information": "0.0.0.5" }');
    expect(textOf(vector)).toContain('announced vpls rd 65000:1 endpoint 1 base 800000 offset 0 size 10 path-information 0.0.0.5 next-hop 192.0.2.1');
  });

  it('gives policies each field of a received route (policyView)', () => {
    const announced = decodeVector(VECTORS.find((v) => v.name === 'vpls/rd-type-1')!).announced[0];
    expect(vplsFamily.policyView(vplsFamily.nlriAt(announced, 0))).toEqual({ kind: 'vpls', rd: '192.0.2.1:100', endpoint: 65535, offset: 65535, size: 65535, base: 983040 });
  });

  it.each([
    ['a Length other than 17', '0010' + '00'.repeat(16)],
    ['an NLRI cut short', '0011' + '00'.repeat(10)],
    ['no room for the Length', '00'],
  ])('treats %s as withdraw (RFC 7606 §5.3), keeping the NLRI before it', (_what, bad) => {
    const good = '0011' + '0000fde800000001' + '0001' + '0000' + '000a' + 'c35001';
    const run = vplsFamily.wire.decodeField({}, Buffer.from(good + bad, 'hex'), 0, (good + bad).length / 2, false) as { prefixes: string[]; malformed?: string };
    expect(run.prefixes).toEqual(['rd 65000:1 endpoint 1 base 800000 offset 0 size 10']);
    expect(run.malformed).toMatch(/^malformed l2vpn vpls NLRI at offset 19: /);
  });
});
