/**
 * The BGP Prefix-SID keys of a route (ExaBGP's `bgp-prefix-sid` and `bgp-prefix-sid-srv6`):
 * - "bgpPrefixSid": { "labelIndex": 300, "srgbs": [[16000, 1000]] } (RFC 8669 Label-Index and
 *   Originator SRGB TLVs);
 * - "bgpPrefixSidSrv6": { "service": "l3-service", "sid": "2001:db8::1", "behavior": 72,
 *   "structure": [64, 24, 16, 0, 0, 0] } (RFC 9252 SRv6 Service TLV with one SID Information;
 *   behavior 65535, "opaque", when left out).
 */
import * as t from 'io-ts';
import { formatIpv6, parseIpv6 } from '../wire/address';
import type { PrefixSidTlv, Srv6DataSubSubTlv } from '../wire/types';
import { closedObject } from './closed-object';
import { describeValue } from './config-error';
import { list } from './list-codec';
import { integer, oneOf, scalar } from './scalar-codecs';

const isU24 = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0xffffff;
const srgb = scalar<[number, number], [number, number]>(
  'an SRGB [base, range], each 0..16777215',
  (u): u is [number, number] => Array.isArray(u) && u.length === 2,
  (u) =>
    Array.isArray(u) && u.length === 2 && u.every(isU24)
      ? { value: [u[0] as number, u[1] as number] }
      : `expected an SRGB [base, range], each 0..16777215, got ${describeValue(u)}`,
  (v) => v,
);

export const bgpPrefixSidCodec = closedObject(
  'a BGP Prefix-SID like { "labelIndex": 300, "srgbs": [[16000, 1000]] }',
  { labelIndex: integer('a label index 0..4294967295', 0, 0xffffffff) },
  { srgbs: list(srgb, 'a list of SRGB [base, range] pairs', 1) },
);

const ipv6 = scalar<string, string>(
  'an IPv6 address',
  (u): u is string => typeof u === 'string',
  (u) => {
    const octets = typeof u === 'string' ? parseIpv6(u) : undefined;
    return octets ? { value: formatIpv6(octets) } : `expected an IPv6 address, got ${describeValue(u)}`;
  },
  (v) => v,
);

const sidStructure = scalar<number[], number[]>(
  'six bit lengths [LBL, LNL, FL, AL, TL, TO], each 0..255',
  (u): u is number[] => Array.isArray(u),
  (u) =>
    Array.isArray(u) && u.length === 6 && u.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)
      ? { value: u as number[] }
      : `expected six bit lengths [LBL, LNL, FL, AL, TL, TO], each 0..255, got ${describeValue(u)}`,
  (v) => v,
);

export const bgpPrefixSidSrv6Codec = closedObject(
  'an SRv6 service like { "service": "l3-service", "sid": "2001:db8::1", "behavior": 72, "structure": [64, 24, 16, 0, 0, 0] }',
  {
    service: oneOf(
      new Map<string, 'l3-service' | 'l2-service'>([
        ['l3-service', 'l3-service'],
        ['l2-service', 'l2-service'],
      ]),
      (u): u is 'l3-service' | 'l2-service' => u === 'l3-service' || u === 'l2-service',
    ),
    sid: ipv6,
  },
  { behavior: integer('an endpoint behavior 0..65535', 0, 0xffff), structure: sidStructure },
);

export type BgpPrefixSidFile = t.TypeOf<typeof bgpPrefixSidCodec>;
export type BgpPrefixSidSrv6File = t.TypeOf<typeof bgpPrefixSidSrv6Codec>;

/** The Prefix-SID TLVs of a route's keys (the first of the two keys wins, as in the API). */
export function prefixSidTlvs(sid: BgpPrefixSidFile | undefined, srv6: BgpPrefixSidSrv6File | undefined): PrefixSidTlv[] | undefined {
  if (sid) return sid.srgbs ? [{ type: 1, labelIndex: sid.labelIndex }, { type: 3, srgbs: sid.srgbs }] : [{ type: 1, labelIndex: sid.labelIndex }];
  if (!srv6) return undefined;
  const subSubTlvs: Srv6DataSubSubTlv[] = srv6.structure ? [{ type: 1, structure: srv6.structure as [number, number, number, number, number, number] }] : [];
  return [{ type: srv6.service === 'l3-service' ? 5 : 6, subTlvs: [{ type: 1, sid: srv6.sid, flags: 0, behavior: srv6.behavior ?? 0xffff, subSubTlvs }] }];
}
