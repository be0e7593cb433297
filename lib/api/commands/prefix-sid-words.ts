/**
 * The BGP Prefix-SID words of `announce route`, as ExaBGP's parsers read them
 * (configuration/static/mpls.py prefix_sid / prefix_sid_srv6):
 * - `bgp-prefix-sid [ <label index> ]` or `bgp-prefix-sid [ <label index>, [ ( <base>,<range> ) ... ] ]`
 *   (RFC 8669 Label-Index and Originator SRGB TLVs); a bare `bgp-prefix-sid <label index>` is read too;
 * - `bgp-prefix-sid-srv6 ( l3-service|l2-service <SID> [<behavior> [ [LBL,LNL,FL,AL,TL,TO] ] ] )`
 *   (RFC 9252 SRv6 Service TLV with one SID Information Sub-TLV, behavior 0xFFFF when left out,
 *   and its SID Structure when the six lengths are given). ExaBGP 4.2's pre-RFC forms
 *   (`( ipv6 | vpn | l3vpn <SID> )`) are refused: RFC 9252 replaced them.
 */
import type { PrefixSidTlv, Srv6DataSubSubTlv } from '../../wire/types';
import { canonicalIp } from './address-text';
import type { Cursor } from './cursor';
import { parseUint, U32_MAX } from './number-text';

const U24_MAX = 0xffffff;

/** After `bgp-prefix-sid`: its TLVs. */
export function readPrefixSid(cursor: Cursor): PrefixSidTlv[] {
  if (cursor.peek() !== '[') return [{ type: 1, labelIndex: labelIndex(cursor) }];
  cursor.next('[');
  const tlvs: PrefixSidTlv[] = [{ type: 1, labelIndex: labelIndex(cursor) }];
  let word = cursor.next('] or , after the label index');
  if (word === ',') {
    if (cursor.next('[ before the SRGB ranges') !== '[') cursor.fail('expected [ ( base,range ) ... ] after the label index');
    const srgbs: Array<[number, number]> = [];
    for (word = cursor.next('( base,range ) or ]'); word !== ']'; word = cursor.next('( base,range ) or ]')) {
      if (word === ',') continue;
      if (word !== '(') cursor.fail('expected ( base,range ) in the SRGB list');
      const base = u24(cursor, 'SRGB base');
      if (cursor.next(', between base and range') !== ',') cursor.fail('expected , between the SRGB base and range');
      const range = u24(cursor, 'SRGB range');
      if (cursor.next(') after the SRGB range') !== ')') cursor.fail('expected ) after the SRGB range');
      srgbs.push([base, range]);
    }
    if (srgbs.length === 0) cursor.fail('an SRGB list needs at least one ( base,range )');
    tlvs.push({ type: 3, srgbs });
    word = cursor.next('] to close bgp-prefix-sid');
  }
  if (word !== ']') cursor.fail('expected ] to close bgp-prefix-sid');
  return tlvs;
}

/** After `bgp-prefix-sid-srv6`: one SRv6 Service TLV. */
export function readPrefixSidSrv6(cursor: Cursor): PrefixSidTlv[] {
  if (cursor.next('( after bgp-prefix-sid-srv6') !== '(') cursor.fail('expected ( l3-service|l2-service <SID> <behavior> [ ... ] )');
  const service = cursor.next('l3-service or l2-service');
  if (service !== 'l3-service' && service !== 'l2-service') cursor.fail('expected l3-service or l2-service (RFC 9252)');
  const ip = canonicalIp(cursor.next('an SRv6 SID (IPv6 address)'));
  if (ip === undefined || ip.afi !== 2) cursor.fail('an SRv6 SID must be an IPv6 address');
  let behavior = 0xffff; // RFC 8986 §10.2 "Opaque"
  const subSubTlvs: Srv6DataSubSubTlv[] = [];
  let word = cursor.next(') or an endpoint behavior');
  if (word !== ')') {
    behavior = number(cursor, word, 0xffff, 'endpoint behavior');
    word = cursor.next(') or [ LBL,LNL,FL,AL,TL,TO ]');
    if (word === '[') {
      const lengths: number[] = [];
      for (let i = 0; i < 6; i++) {
        if (i > 0 && cursor.next(', between the SID structure lengths') !== ',') cursor.fail('expected , between the six SID structure lengths');
        lengths.push(number(cursor, cursor.next('a SID structure length'), 255, 'SID structure length'));
      }
      if (cursor.next('] after the six SID structure lengths') !== ']') cursor.fail('expected ] after the six SID structure lengths');
      subSubTlvs.push({ type: 1, structure: lengths as unknown as [number, number, number, number, number, number] });
      word = cursor.next(') to close bgp-prefix-sid-srv6');
    }
    if (word !== ')') cursor.fail('expected ) to close bgp-prefix-sid-srv6');
  }
  return [{ type: service === 'l3-service' ? 5 : 6, subTlvs: [{ type: 1, sid: ip.text, flags: 0, behavior, subSubTlvs }] }];
}

function labelIndex(cursor: Cursor): number {
  const value = parseUint(cursor.next('a label index'), U32_MAX);
  if (value === undefined) cursor.fail('a label index must be 0..4294967295');
  return value;
}

function u24(cursor: Cursor, what: string): number {
  const value = parseUint(cursor.next(`an ${what}`), U24_MAX);
  if (value === undefined) cursor.fail(`an ${what} must be 0..16777215 (24 bits)`);
  return value;
}

/** Decimal or 0x hex, as ExaBGP reads the behavior and the structure lengths. */
function number(cursor: Cursor, word: string, max: number, what: string): number {
  const value = /^0x[0-9a-fA-F]+$/.test(word) ? parseInt(word.slice(2), 16) : parseUint(word, max);
  if (value === undefined || value > max) cursor.fail(`the ${what} must be 0..${max} (decimal or 0x hex)`);
  return value;
}
