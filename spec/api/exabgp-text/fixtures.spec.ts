/**
 * rxbgp's text for every case against ExaBGP's, as recorded in spec/fixtures/exabgp-text/expected.json
 * by the interop suite (spec/interop/exabgp-text-differential.spec.ts, UPDATE_FIXTURES=1).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { UPDATE_CASES } from '../exabgp-json/helpers/cases';
import { TEXT_CASES } from './helpers/cases';
import { normalizeText, rxbgpText } from './helpers/rxbgp-text';

const expected = JSON.parse(readFileSync(join(__dirname, '../../fixtures/exabgp-text/expected.json'), 'utf8')) as Record<string, string | null>;
const stored = TEXT_CASES.filter((c) => c.stored !== false);

describe('ExaBGP text fixtures', () => {
  it('has an ExaBGP answer for every stored case and no other', () => {
    expect(Object.keys(expected).sort()).toEqual(stored.map((c) => c.name).sort());
  });

  it.each(stored.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(rxbgpText(c)).toBe(normalizeText(expected[c.name]));
  });

  it('prints one line per prefix of a full 4096-octet UPDATE, each with the attributes', () => {
    const big = UPDATE_CASES.find((c) => c.stored === false);
    const lines = (rxbgpText(big!) ?? '').split('\n');
    expect(lines).toHaveLength(1002);
    expect(lines[0]).toBe('neighbor 127.0.0.2 receive update start');
    expect(lines[1]).toMatch(/^neighbor 127\.0\.0\.2 receive update announced 10\.0\.0\.0\/24 next-hop 192\.0\.2\.1 origin igp as-path \[ 65002 \] community \[ 65000:0 .* 65000:10 \] attribute \[ 0x63 0xE0 0xabcdef \]$/);
    expect(lines[1000]).toMatch(/^neighbor 127\.0\.0\.2 receive update announced 10\.3\.231\.0\/24 next-hop /);
    expect(lines[1001]).toBe('neighbor 127.0.0.2 receive update end');
  });
});
