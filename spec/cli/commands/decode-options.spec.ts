import { addPathFamilies } from '../../../lib/cli/commands/decode-options';
import { CONFIG_FAMILIES } from '../../../lib/families/family-text';
import { familyKey } from '../../../lib/wire/types';

describe('rxbgp decode --add-path / --add-path-family', () => {
  it('is off without either option', () => {
    expect(addPathFamilies(undefined)).toEqual(new Set());
  });

  it('turns ADD-PATH on for every family rxbgp carries with --add-path', () => {
    const keys = addPathFamilies(true);
    expect(keys.size).toBe(CONFIG_FAMILIES.length);
    expect(keys.has(familyKey(1, 1)) && keys.has(familyKey(2, 1)) && keys.has(familyKey(1, 128))).toBe(true);
  });

  it('takes families one per option or comma-separated, spelled as ExaBGP does', () => {
    expect(addPathFamilies(['ipv4 unicast'])).toEqual(new Set([familyKey(1, 1)]));
    expect(addPathFamilies(['IPv6  Unicast, ipv4 mpls-vpn', 'ipv4 nlri-mpls'])).toEqual(new Set([familyKey(2, 1), familyKey(1, 128), familyKey(1, 4)]));
  });

  it('names an unknown family and the known ones', () => {
    expect(() => addPathFamilies(['ipv4 unicast', 'ipv9 nothing'])).toThrow('--add-path-family: unknown family "ipv9 nothing" (one of "ipv4 unicast"');
  });
});
