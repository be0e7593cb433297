/**
 * RTC UPDATEs (spec/fixtures/simple-families/vectors.json, built from RFC 4684 §4 by make-vectors.py)
 * through the whole message decoder to ExaBGP JSON and text events, and back to the same octets.
 * ExaBGP 4.2 does not negotiate ipv4 rtc; the JSON is compared with ExaBGP 5's `exabgp decode`
 * (its repository, bgp/message/update/nlri/rtc.py), which reads the default route and whole route
 * targets. Prefixes of 32..95 bits and path ids, which neither reads, are checked field by field.
 */
import { join } from 'path';
import { rtcFamily } from '../../../lib/families';
import { decodeVector, jsonOf, readVectors, reencoded, textOf } from '../../helpers/family-vectors';

const VECTORS = readVectors(join(__dirname, '..', '..', 'fixtures', 'simple-families', 'vectors.json')).filter((v) => v.name.startsWith('rtc/'));
const BY_EXABGP = VECTORS.filter((v) => v.exabgp5 !== null);
const byName = (name: string) => VECTORS.find((v) => v.name === name)!;

describe('received RTC UPDATEs', () => {
  it('covers the default route, route targets of each layout and a withdrawal that ExaBGP 5 decodes', () => {
    expect(BY_EXABGP.map((v) => v.name)).toEqual(['rtc/default', 'rtc/route-targets', 'rtc/withdraw']);
  });

  it.each(BY_EXABGP.map((v) => [v.name, v] as const))('%s prints what ExaBGP 5 prints', (_name, vector) => {
    expect(decodeVector(vector).errorAction).toBeUndefined();
    expect(jsonOf(vector)).toBe(vector.exabgp5);
  });

  it.each(VECTORS.map((v) => [v.name, v] as const))('%s encodes its NLRI and next hop back to the same octets', (_name, vector) => {
    const { expected, actual } = reencoded(vector);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it('reads prefixes shorter than 96 bits (RFC 4684 §4) and prints their length', () => {
    expect(jsonOf(byName('rtc/prefixes'))).toBe(
      '{ "update": { "attribute": { "origin": "igp", "local-preference": 100 }, "announce": { "ipv4 rtc": { "192.0.2.1": [ ' +
        '{ "origin": 65000, "route-target": null, "prefix-length": 32 }, { "origin": 65000, "route-target": "target:0:0", "prefix-length": 48 }, ' +
        '{ "origin": 65000, "route-target": "target:65000:0", "prefix-length": 83 } ] } } } }',
    );
    const announced = decodeVector(byName('rtc/prefixes')).announced[0];
    expect([0, 1, 2].map((i) => rtcFamily.policyView(rtcFamily.nlriAt(announced, i)))).toEqual([
      { kind: 'rtc', prefixLength: 32, originAs: 65000, routeTarget: undefined },
      { kind: 'rtc', prefixLength: 48, originAs: 65000, routeTarget: 'target:0:0' },
      { kind: 'rtc', prefixLength: 83, originAs: 65000, routeTarget: 'target:65000:0' },
    ]);
  });

  it('prints text events as ExaBGP 5 names RTC routes (str(RTC)), path ids as for INET routes', () => {
    expect(textOf(byName('rtc/route-targets'))).toContain('announced rtc 65000:target:65000:100 next-hop 192.0.2.1 origin igp local-preference 100');
    expect(textOf(byName('rtc/default'))).toContain('announced rtc wildcard next-hop 192.0.2.1');
    expect(textOf(byName('rtc/withdraw'))).toContain('withdrawn rtc 65000:target:65000:100\n');
    expect(textOf(byName('rtc/prefixes'))).toContain('announced rtc 65000:target:65000:0/83 next-hop 192.0.2.1');
    expect(jsonOf(byName('rtc/add-path'))).toContain('{ "origin": 65000, "route-target": "target:65000:100", "path-information": "0.0.0.3" }');
    expect(textOf(byName('rtc/add-path'))).toContain('announced rtc 65000:target:65000:100 path-information 0.0.0.3 next-hop 192.0.2.1');
    expect(jsonOf(byName('rtc/eor'))).toBe('{ "eor": { "afi" : "ipv4", "safi" : "rtc" } }');
  });

  it.each([
    ['a partial origin AS (length 16)', '10fde8'],
    ['a length above 96', '61' + '0000fde8' + '0002fde800000064' + '00'],
    ['a route target past the field', '60' + '0000fde8' + '0002fde8'],
  ])('treats %s as withdraw (RFC 7606 §5.3), keeping the NLRI before it', (_what, bad) => {
    const good = '60' + '0000fde8' + '0002fde800000064';
    const { wire } = rtcFamily;
    const run = wire.decodeField({}, Buffer.from(good + bad, 'hex'), 0, (good + bad).length / 2, false) as { prefixes: string[]; malformed?: string };
    expect(run.prefixes).toEqual(['origin-as 65000 route-target target:65000:100']);
    expect(run.malformed).toMatch(/^malformed ipv4 rtc NLRI at offset 13: /);
  });
});
