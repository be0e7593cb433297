/**
 * The text, config and policy forms of a labeled NLRI: ExaBGP's words in any order read to one
 * canonical text (the RIB key), the config's camelCase object, and what policies see.
 */
import { ipv4LabeledFamily, ipv4VpnFamily, ipv6VpnFamily, type LabeledPrefix } from '../../../lib/families';

const value = (family: typeof ipv4VpnFamily, text: string): LabeledPrefix => {
  const parsed = family.parseText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('labeled NLRI forms', () => {
  it('reads ExaBGP\'s words in any order to the canonical text', () => {
    for (const text of ['10.0.0.0/25 rd 65000:1 label 1000', '10.0.0.0/25 label [1000] route-distinguisher 65000:1', '10.0.0.0/25 label [ 1000 ] rd 65000:1']) {
      expect(ipv4VpnFamily.formatText(value(ipv4VpnFamily, text))).toBe('10.0.0.0/25 label 1000 rd 65000:1');
    }
  });

  it('writes the config object and reads it back (camelCase after ExaBGP: prefix, labels, rd)', () => {
    const v = value(ipv4VpnFamily, '10.0.0.0/25 label [ 1000 2000 ] rd 192.0.2.1:7');
    expect(ipv4VpnFamily.encodeConfig(v)).toEqual({ prefix: '10.0.0.0/25', labels: [1000, 2000], rd: '192.0.2.1:7' });
    expect(ipv4VpnFamily.decodeConfig({ prefix: '10.0.0.0/25', labels: [1000, 2000], rd: '192.0.2.1:7' })).toEqual({ ok: true, value: v });
    expect(ipv4LabeledFamily.encodeConfig(value(ipv4LabeledFamily, '10.0.0.0/24 label 5'))).toEqual({ prefix: '10.0.0.0/24', labels: [5] });
    // A stack with raw entries (a received withdrawal's 0x800000) has no object form: its text.
    expect(ipv4LabeledFamily.encodeConfig(value(ipv4LabeledFamily, '10.0.0.0/24 label 524288 (8388608)'))).toBe('10.0.0.0/24 label 524288 (8388608)');
    expect(ipv4VpnFamily.decodeConfig({ prefix: '10.0.0.0/25', labels: [1], colour: 1 })).toEqual({ ok: false, error: 'unknown key "colour" (expected prefix, labels, rd)' });
  });

  it('shows policies the prefix, its labels and its RD', () => {
    expect(ipv6VpnFamily.policyView(value(ipv6VpnFamily, '2001:db8::/32 label [ 16 17 ] rd 4200000000:7'))).toEqual({
      kind: 'labeled-prefix',
      afi: 2,
      safi: 128,
      prefix: '2001:db8::/32',
      length: 32,
      labels: [16, 17],
      rd: '4200000000:7',
    });
    expect(ipv4LabeledFamily.policyView(value(ipv4LabeledFamily, '10.0.0.0/24 label 5'))).toEqual({ kind: 'labeled-prefix', afi: 1, safi: 4, prefix: '10.0.0.0/24', length: 24, labels: [5] });
  });
});
