/**
 * EVPN UPDATEs through the whole message decoder (the registry's families, as a session decodes
 * them) to ExaBGP's JSON event body and text event, compared with what ExaBGP 4.2 prints for the same
 * bytes (spec/fixtures/evpn/exabgp.json, kept honest by spec/interop/evpn-exabgp.spec.ts), and back:
 * the decoded message encodes to the same octets.
 * ExaBGP's qa/decoding/bgp-evpn-1 (a route type 8 ExaBGP 4.2 cannot print) is compared with the JSON
 * ExaBGP's repository expects for it (ExaBGP 5's GenericEVPN form).
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
import { EXABGP_QA_EVPN_1, evpnVectors, NOT_FOR_EXABGP_42, updateOf } from './helpers/vectors';

interface Fixture {
  readonly name: string;
  readonly hex: string;
  readonly addPath: boolean;
  readonly exabgp42: string;
  readonly exabgp42Text: string;
}

/** Each path attribute of an UPDATE as "type:value hex", sorted. */
function attributeValues(message: Buffer): string[] {
  return updateAttributes(message)
    .map((a) => `${a.type}:${a.value.toString('hex')}`)
    .sort();
}

const FIXTURE: Fixture[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'evpn', 'exabgp.json'), 'utf8'));

const plain = familyContext(DEFAULT_CONTEXT);
const addPath = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set([familyKey(25, 70)]) });
const contextOf = (v: { addPath: boolean }): CodecContext => (v.addPath ? addPath : plain);

function decode(hex: string, ctx: CodecContext): UpdateMessage {
  const message = decodeMessage(Buffer.from(hex, 'hex'), ctx);
  if (message.type !== 'update') throw new Error(`not an UPDATE: ${message.type}`);
  return message;
}

describe('received EVPN UPDATEs as ExaBGP 4.2 events', () => {
  it('covers every route type, announced and withdrawn, with and without IP, IPv4 and IPv6', () => {
    expect(FIXTURE.map((v) => [v.name, v.hex, v.addPath])).toEqual(evpnVectors().filter((v) => !NOT_FOR_EXABGP_42.has(v.name)).map((v) => [v.name, v.hex, v.addPath]));
    for (const code of [1, 2, 3, 4, 5]) {
      expect(FIXTURE.filter((v) => v.exabgp42.includes(`"announce": { "l2vpn evpn"`) && v.exabgp42.includes(`"code": ${code},`)).length).toBeGreaterThan(1);
      expect(FIXTURE.filter((v) => v.exabgp42.includes(`"withdraw": { "l2vpn evpn"`) && v.exabgp42.includes(`"code": ${code},`)).length).toBeGreaterThan(0);
    }
  });

  it.each(FIXTURE.map((v) => [v.name, v] as const))('%s: JSON as exabgp --decode prints it', (_name, vector) => {
    const message = decode(vector.hex, contextOf(vector));
    expect(message.errorAction).toBeUndefined();
    expect(`{ ${updateMessageBody(message, 'in', contextOf(vector))} }`).toBe(vector.exabgp42);
  });

  it.each(FIXTURE.map((v) => [v.name, v] as const))("%s: text as ExaBGP 4.2's text encoder prints it", (_name, vector) => {
    const ctx = contextOf(vector);
    expect(messageText(CASE_NEIGHBOR, decodeMessage(Buffer.from(vector.hex, 'hex'), ctx), 'receive', ctx)).toBe(vector.exabgp42Text);
  });

  // Attribute order and the extended-length flag are the encoder's own choice (rxbgp writes attributes
  // by type code, ExaBGP sends MP_REACH_NLRI last): each attribute's value must be the same octets.
  it.each(evpnVectors().map((v) => [v.name, v] as const))('%s encodes back to the same attribute octets', (_name, vector) => {
    const expected = attributeValues(Buffer.from(vector.hex, 'hex'));
    expect(expected.some((a) => a.startsWith('14:') || a.startsWith('15:'))).toBe(true);
    expect(attributeValues(encodeMessage(decode(vector.hex, contextOf(vector)), contextOf(vector)))).toEqual(expected);
  });

  it("prints ExaBGP's qa/decoding/bgp-evpn-1, route type 8 included, as ExaBGP's repository expects", () => {
    // The "withdraw" part of qa/decoding/bgp-evpn-1's expected JSON (ExaBGP 5: GenericEVPN is { code, parsed, raw }).
    const expected =
      '{ "withdraw": { "l2vpn evpn": [ { "code": 8, "parsed": false, "raw": "08260001252C37768EAD000002001600000000030000085D0020EFFFFFFF20252C37760000000000" }, { "code": 2, "parsed": true, "raw": "02210001252C37370001000000000000000000000000076D30FC15B4787B8F00000000", "name": "MAC/IP advertisement", "rd": "37.44.55.55:1", "esi": "-", "ethernet-tag": 1901, "mac": "FC:15:B4:78:7B:8F", "label": [ [0] ] }, { "code": 2, "parsed": true, "raw": "02250001252C372E0001000000000000000000000000051530E88088308BE9200A22100A000000", "name": "MAC/IP advertisement", "rd": "37.44.55.46:1", "esi": "-", "ethernet-tag": 1301, "mac": "E8:80:88:30:8B:E9", "label": [ [0] ], "ip": "10.34.16.10" }, { "code": 2, "parsed": true, "raw": "02250001252C37370001000000000000000000000000076D30FC15B4787B8F200A2888D0000000", "name": "MAC/IP advertisement", "rd": "37.44.55.55:1", "esi": "-", "ethernet-tag": 1901, "mac": "FC:15:B4:78:7B:8F", "label": [ [0] ], "ip": "10.40.136.208" }, { "code": 2, "parsed": true, "raw": "02250001252C373F00010000000000000000000000000515306C240830ED82200A225808000000", "name": "MAC/IP advertisement", "rd": "37.44.55.63:1", "esi": "-", "ethernet-tag": 1301, "mac": "6C:24:08:30:ED:82", "label": [ [0] ], "ip": "10.34.88.8" }, { "code": 2, "parsed": true, "raw": "02210001252C37230007000000000000000000000000029630F4A739D1F0B000000000", "name": "MAC/IP advertisement", "rd": "37.44.55.35:7", "esi": "-", "ethernet-tag": 662, "mac": "F4:A7:39:D1:F0:B0", "label": [ [0] ] } ] } }';
    const body = Buffer.from(EXABGP_QA_EVPN_1, 'hex');
    const message = updateOf(body.subarray(4));
    const decoded = decode(message.toString('hex'), plain);
    expect(decoded.errorAction).toBeUndefined();
    expect(`{ ${updateMessageBody(decoded, 'in', plain)} }`).toBe(`{ "update": ${expected} }`);
    expect(attributeValues(encodeMessage(decoded, plain))).toEqual(attributeValues(message));
  });
});
