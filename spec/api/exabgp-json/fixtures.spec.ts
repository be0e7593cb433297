/**
 * rxbgp's lines for every JSON case against ExaBGP's, as recorded in
 * spec/fixtures/exabgp-json/expected.json by the interop suite (spec/interop/exabgp-json-differential.spec.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_CASES, UPDATE_CASES } from './helpers/cases';
import { normalizeJson } from './helpers/normalize';
import { rxbgpJson } from './helpers/rxbgp-json';

const expected = JSON.parse(readFileSync(join(__dirname, '../../fixtures/exabgp-json/expected.json'), 'utf8')) as Record<string, string>;
const stored = ALL_CASES.filter((c) => c.stored !== false);

describe('ExaBGP JSON fixtures', () => {
  it('has an ExaBGP line for every stored case and no other', () => {
    expect(Object.keys(expected).sort()).toEqual(stored.map((c) => c.name).sort());
  });

  it.each(stored.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(normalizeJson(rxbgpJson(c))).toBe(normalizeJson(expected[c.name]));
  });

  it('lists the 1000 prefixes of a full 4096-octet UPDATE under their next hop', () => {
    const big = UPDATE_CASES.find((c) => c.stored === false);
    expect(big?.hex?.length).toBe(2 * 4096);
    const line = rxbgpJson(big!);
    expect(line.match(/\{ "nlri": "/g)).toHaveLength(1000);
    expect(line).toContain('"announce": { "ipv4 unicast": { "192.0.2.1": [ { "nlri": "10.0.0.0/24" }, { "nlri": "10.0.1.0/24" }, ');
    expect(line).toContain('{ "nlri": "10.3.231.0/24" } ] } } } } } }');
  });
});
