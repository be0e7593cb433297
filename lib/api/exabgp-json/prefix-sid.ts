/**
 * The BGP Prefix-SID attribute (RFC 8669, RFC 9252) as ExaBGP prints it, shared by the JSON and
 * text encoders. Label index and SRGB are printed as ExaBGP 4.2 does (its sr/prefixsid.py);
 * the SRv6 services of RFC 9252, which 4.2 cannot decode (it knows only pre-RFC fixed-length
 * forms), as ExaBGP 5 does (sr/srv6/*.py), including its flags always printed as 0 and its
 * text form of a SID Information Sub-TLV, which never closes its bracket.
 */
import type { PrefixSidTlv, Srv6DataSubSubTlv, Srv6ServiceSubTlv } from '../../wire/types';

const STRUCTURE_NAMES = ['locator-block-length', 'locator-node-length', 'function-length', 'argument-length', 'transposition-length', 'transposition-offset'];

function hex(value: Buffer): string {
  return `0x${value.toString('hex')}`;
}

function subSubJson(s: Srv6DataSubSubTlv): string {
  if ('structure' in s) return `"structure": {${s.structure.map((v, i) => `"${STRUCTURE_NAMES[i]}": ${v}`).join(', ')}}`;
  return `{"type": ${s.type}, "raw": "${s.value.toString('hex')}"}`;
}

function subJson(s: Srv6ServiceSubTlv): string {
  if (!('sid' in s)) return `{"type": ${s.type}, "raw": "${s.value.toString('hex')}"}`;
  const rest = s.subSubTlvs.map(subSubJson).join(', ');
  return `{ "sid": "${s.sid}", "flags": 0, "endpoint_behavior": ${s.behavior}${rest ? `, ${rest}` : ''} }`;
}

/** The value of "bgp-prefix-sid": `{ "sr-label-index": 300, "sr-srgbs": [[16000, 1000]] }`. */
export function prefixSidJson(tlvs: readonly PrefixSidTlv[]): string {
  const parts = tlvs.map((t) => {
    if ('labelIndex' in t) return `"sr-label-index": ${t.labelIndex}`;
    // Python's json.dumps of a list of (base, range) tuples.
    if ('srgbs' in t) return `"sr-srgbs": [${t.srgbs.map(([b, r]) => `[${b}, ${r}]`).join(', ')}]`;
    if ('subTlvs' in t) return `"${t.type === 5 ? 'l3' : 'l2'}-service": [ ${t.subTlvs.map(subJson).join(', ')} ]`;
    return `"attribute-not-implemented-${t.type}": "${hex(t.value)}"`;
  });
  return `{ ${parts.join(', ')} }`;
}

function subText(s: Srv6ServiceSubTlv): string {
  if (!('sid' in s)) return `SRv6 Service Sub-TLV type ${s.type} not implemented`;
  let text = `sid-information [ sid:${s.sid} flags:0 endpoint_behavior:0x${s.behavior.toString(16)} `;
  if (s.subSubTlvs.length > 0) {
    text += ` [ ${s.subSubTlvs.map((x) => ('structure' in x ? `sid-structure [${x.structure.join(',')}]` : `SRv6 Service Data Sub-Sub-TLV type ${x.type} not implemented`)).join(', ')} ]`;
  }
  return text;
}

/** The words after ` bgp-prefix-sid ` in a text event: `[ 300, [ ( 16000,1000 ) ] ]`. */
export function prefixSidText(tlvs: readonly PrefixSidTlv[]): string {
  const labelIndex = tlvs.find((t) => 'labelIndex' in t);
  if (labelIndex && 'labelIndex' in labelIndex) {
    const srgb = tlvs.find((t) => 'srgbs' in t);
    if (srgb && 'srgbs' in srgb) return `[ ${labelIndex.labelIndex}, [ ${srgb.srgbs.map(([b, r]) => `( ${b},${r} )`).join(', ')} ] ]`;
    return `[ ${labelIndex.labelIndex} ]`;
  }
  const parts = tlvs.map((t) => {
    if ('subTlvs' in t) return `${t.type === 5 ? 'l3' : 'l2'}-service [ ${t.subTlvs.map(subText).join(', ')} ]`;
    if ('srgbs' in t) return `[ ${t.srgbs.map(([b, r]) => `( ${b},${r} )`).join(', ')} ]`;
    return `Attribute with code [ ${t.type} ] not implemented`;
  });
  return `[ ${parts.join(', ')} ]`;
}
