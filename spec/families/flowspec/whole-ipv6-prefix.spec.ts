/**
 * The whole-prefix form of IPv6 prefix offsets, for a neighbor configured with
 * "flowspec": { "ipv6Offset": "whole-prefix" }: what ExaBGP 4.2 and GoBGP 3.10 send for
 * `destination-ipv6 ::1234:5678:0:0/96/64` (captured live, spec/interop/flowspec/flow-rules.ts), read
 * and written both ways; RFC 8956 §3.1's form stays the default.
 */
import { decodeFlowNlri, encodeFlowRule, parseFlowRoute, type FlowRule } from '../../../lib/families/flowspec';
import { FAMILY_REGISTRY } from '../../../lib/families';
import { Writer } from '../../../lib/wire/writer';

const FLOW6 = { afi: 2, safi: 133 } as const;
/** ExaBGP's and GoBGP's bytes: type 1, length 96, offset 64, then the first 12 octets of the address. */
const WHOLE = '0f016040000000000000000012345678';
/** RFC 8956 §3.1: only the 32 bits after the offset. */
const RFC = '07016040' + '12345678';

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text, { afi: 2 });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

function encoded(r: FlowRule, whole: boolean): string {
  const w = new Writer(64);
  encodeFlowRule(w, r, FLOW6, whole);
  return w.view().toString('hex');
}

describe('IPv6 prefix offsets in the whole-prefix form', () => {
  const offsetRule = rule('destination-ipv6 ::1234:5678:0:0/96/64');

  it('writes the bytes ExaBGP 4.2 and GoBGP write, and RFC 8956\'s by default', () => {
    expect(encoded(offsetRule, true)).toBe(WHOLE);
    expect(encoded(offsetRule, false)).toBe(RFC);
  });

  it('reads those bytes back as the same rule, where the RFC reading finds them malformed', () => {
    const bytes = Buffer.from(WHOLE, 'hex');
    expect(decodeFlowNlri(bytes, 0, bytes.length, FLOW6, false, true)).toEqual({ rules: [offsetRule] });
    expect(decodeFlowNlri(bytes, 0, bytes.length, FLOW6).errors).toBeDefined();
  });

  it('clears the bits before the offset when reading, as the rule\'s canonical text has them', () => {
    const bytes = Buffer.from('0f0160402001db8000000000' + '12345678', 'hex');
    expect(decodeFlowNlri(bytes, 0, bytes.length, FLOW6, false, true).rules).toEqual([offsetRule]);
  });

  it('changes nothing for prefixes without an offset', () => {
    const plain = rule('destination-ipv6 2001:db8::/48 next-header udp');
    expect(encoded(plain, true)).toBe(encoded(plain, false));
  });

  it('is the ipv6 flow families\' codec only when a neighbor asks for it (FamilyRegistry.nlriWith)', () => {
    expect(FAMILY_REGISTRY.nlriWith({})).toBe(FAMILY_REGISTRY.nlri);
    expect(FAMILY_REGISTRY.nlriWith({ flowIpv6Offset: 'rfc8956' })).toBe(FAMILY_REGISTRY.nlri);
    const whole = FAMILY_REGISTRY.nlriWith({ flowIpv6Offset: 'whole-prefix' });
    expect(whole).not.toBe(FAMILY_REGISTRY.nlri);
    const family = FAMILY_REGISTRY.byName('ipv6 flow')!;
    expect(family.wireWith!({ flowIpv6Offset: 'whole-prefix' })).not.toBe(family.wire);
    expect(FAMILY_REGISTRY.byName('ipv4 flow')!.wireWith!({ flowIpv6Offset: 'whole-prefix' })).toBe(FAMILY_REGISTRY.byName('ipv4 flow')!.wire);
  });
});
