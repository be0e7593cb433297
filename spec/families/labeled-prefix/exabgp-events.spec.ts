/**
 * Labeled and L3VPN UPDATEs through the whole message decoder (with the registry's families, as a
 * session decodes them) to the ExaBGP JSON event body, compared with what `exabgp --decode`
 * (ExaBGP 4.2, Debian's) prints for the same bytes (spec/fixtures/labeled-prefix/exabgp-qa.json:
 * every SAFI 4 / 128 UPDATE of ExaBGP's qa/ folder that 4.2 decodes, and vectors written for this
 * family: label stacks, withdrawal labels, RD types 1 and 2, IPv6 next hops, ADD-PATH), and back:
 * the decoded message encodes to the same octets.
 * spec/interop/labeled-prefix-exabgp.spec.ts checks the fixture is still what exabgp prints.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { messageText } from '../../../lib/api/exabgp-text';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, familyKey, type CodecContext, type UpdateMessage } from '../../../lib/wire/types';
import { CASE_NEIGHBOR } from '../../api/exabgp-json/helpers/cases';
import { updateAttributes } from '../../helpers/update-attributes';

export interface LabeledVector {
  readonly name: string;
  readonly hex: string;
  /** RFC 7911 path ids on the labeled families (exabgp decoded it with `add-path send/receive`). */
  readonly addPath: boolean;
  readonly exabgp42: string;
  /** What ExaBGP 4.2's text encoder prints (spec/fixtures/labeled-prefix/exabgp-text-oracle.py), for neighbor 127.0.0.2. */
  readonly exabgp42Text: string;
}

export const VECTORS: LabeledVector[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'labeled-prefix', 'exabgp-qa.json'), 'utf8'));

const plain = familyContext(DEFAULT_CONTEXT);
const addPath = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set([familyKey(1, 4), familyKey(2, 4), familyKey(1, 128), familyKey(2, 128), familyKey(1, 1), familyKey(2, 1)]) });

export function contextOf(vector: LabeledVector): CodecContext {
  return vector.addPath ? addPath : plain;
}

/** The vectors of ExaBGP's qa/encoding/conf-prefix-sid.ci carry the Prefix-SID attribute (RFC 8669), printed by its fields. */
const PREFIX_SID_VECTORS = ['encoding/conf-prefix-sid.ci#1', 'encoding/conf-prefix-sid.ci#2'];

/**
 * ExaBGP 4.2 sends an IPv6 VPN next hop with a link-local address as one RD and both addresses (40
 * octets), which rxbgp reads; it sends RFC 4659 §3.2.1.1's 48 (each address behind its RD, wire.spec.ts).
 */
const EXABGP_NEXT_HOP = 'rxbgp/ipv6-mpls-vpn-ll-40';

/** The value of each MP_REACH_NLRI (14) / MP_UNREACH_NLRI (15) attribute of an UPDATE (RFC 4760), as hex. */
function mpAttributes(message: Buffer): string[] {
  return updateAttributes(message)
    .filter((a) => a.type === 14 || a.type === 15)
    .map((a) => `${a.type}:${a.value.toString('hex')}`)
    .sort();
}

function decode(vector: LabeledVector): UpdateMessage {
  const message = decodeMessage(Buffer.from(vector.hex, 'hex'), contextOf(vector));
  if (message.type !== 'update') throw new Error(`not an UPDATE: ${message.type}`);
  return message;
}

describe('received labeled and L3VPN UPDATEs as ExaBGP JSON', () => {
  it('covers the vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(33);
    for (const family of ['ipv4 nlri-mpls', 'ipv6 nlri-mpls', 'ipv4 mpls-vpn', 'ipv6 mpls-vpn']) {
      expect(VECTORS.filter((v) => v.exabgp42.includes(`"${family}": {`)).length).toBeGreaterThan(0);
      expect(VECTORS.filter((v) => v.exabgp42.includes(`"withdraw": { "${family}"`)).length).toBeGreaterThan(0);
    }
  });

  it.each(VECTORS.map((v) => [v.name, v] as const))('%s prints what exabgp --decode prints', (_name, vector) => {
    const message = decode(vector);
    expect(message.errorAction).toBeUndefined();
    const ours = `{ ${updateMessageBody(message, 'in', contextOf(vector))} }`;
    expect(ours).toBe(vector.exabgp42);
  });

  it('has the Prefix-SID vectors among them, with their label index and SRGB', () => {
    const sids = VECTORS.filter((v) => PREFIX_SID_VECTORS.includes(v.name));
    expect(sids.map((v) => v.exabgp42.match(/"bgp-prefix-sid": \{[^}]*\}/)?.[0])).toEqual([
      '"bgp-prefix-sid": { "sr-label-index": 777 }',
      '"bgp-prefix-sid": { "sr-label-index": 300, "sr-srgbs": [[800000, 4096], [1000000, 5000]] }',
    ]);
  });

  // Attribute order and the extended-length flag are the encoder's own choice (ExaBGP sends
  // MP_REACH_NLRI last, with extended length for MP_UNREACH_NLRI): the family's part, the MP
  // attributes' values (AFI, SAFI, next hop, NLRI), must be the same octets.
  it.each(VECTORS.filter((v) => v.name !== EXABGP_NEXT_HOP).map((v) => [v.name, v] as const))('%s encodes its NLRI and next hop back to the same octets', (_name, vector) => {
    const expected = mpAttributes(Buffer.from(vector.hex, 'hex'));
    expect(expected.length).toBeGreaterThan(0);
    expect(mpAttributes(encodeMessage(decode(vector), contextOf(vector)))).toEqual(expected);
  });
});

describe('received labeled and L3VPN UPDATEs as ExaBGP text events', () => {
  const compared = VECTORS;

  it.each(compared.map((v) => [v.name, v] as const))('%s prints what ExaBGP 4.2\'s text encoder prints', (_name, vector) => {
    const ctx = contextOf(vector);
    expect(messageText(CASE_NEIGHBOR, decodeMessage(Buffer.from(vector.hex, 'hex'), ctx), 'receive', ctx)).toBe(vector.exabgp42Text);
  });

  it('puts the next hop before the RD, as IPVPN.extensive() does, and the RD in a withdrawal', () => {
    const texts = compared.map((v) => v.exabgp42Text).join('\n');
    expect(texts).toContain('announced 10.0.0.0/25 label 1000 next-hop 200.10.0.101 rd 65000:1 origin igp');
    expect(texts).toContain('withdrawn 10.0.0.0/25 label 524288 rd 65000:1');
  });
});
