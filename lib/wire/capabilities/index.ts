/**
 * The capability registry (RFC 5492): every codec listed once, here, explicitly (no
 * registration by import side effect). Building it throws on a duplicate code or kind.
 * Capabilities without a codec, and known ones whose Value is malformed, are kept opaque as
 * { kind: 'unknown', code, value } so they can be logged and ignored (RFC 5492 §3).
 */
import { BgpError } from '../errors';
import { ErrorCode, OpenSubcode } from '../iana';
import type { Capability } from '../types';
import type { Writer } from '../writer';
import type { AnyCapabilityCodec } from './codec';
import { addPath } from './add-path';
import { asn4 } from './asn4';
import { enhancedRouteRefresh } from './enhanced-route-refresh';
import { extendedMessage } from './extended-message';
import { gracefulRestart } from './graceful-restart';
import { hostname } from './hostname';
import { multiprotocol } from './multiprotocol';
import { routeRefresh } from './route-refresh';
import { routeRefreshCisco } from './route-refresh-cisco';

export type { AnyCapabilityCodec, CapabilityCodec, CapabilityOf, KnownCapabilityKind } from './codec';

export const CAPABILITY_CODECS: readonly AnyCapabilityCodec[] = [
  multiprotocol,
  routeRefresh,
  extendedMessage,
  gracefulRestart,
  asn4,
  addPath,
  enhancedRouteRefresh,
  hostname,
  routeRefreshCisco,
];

function buildRegistry(codecs: readonly AnyCapabilityCodec[]): {
  byCode: ReadonlyMap<number, AnyCapabilityCodec>;
  byKind: ReadonlyMap<string, AnyCapabilityCodec>;
} {
  const byCode = new Map<number, AnyCapabilityCodec>();
  const byKind = new Map<string, AnyCapabilityCodec>();
  for (const codec of codecs) {
    if (byCode.has(codec.code)) throw new Error(`duplicate capability code ${codec.code}`);
    if (byKind.has(codec.kind)) throw new Error(`duplicate capability kind ${codec.kind}`);
    byCode.set(codec.code, codec);
    byKind.set(codec.kind, codec);
  }
  return { byCode, byKind };
}

const { byCode, byKind } = buildRegistry(CAPABILITY_CODECS);

/** Capability Code of a capability value. */
export function capabilityCode(cap: Capability): number {
  if (cap.kind === 'unknown') return cap.code;
  const codec = byKind.get(cap.kind);
  if (!codec) throw new Error(`no codec for capability kind ${cap.kind}`);
  return codec.code;
}

/** IANA name of a Capability Code, for logs ("Graceful Restart", "capability 99"). */
export function capabilityName(code: number): string {
  return byCode.get(code)?.name ?? `capability ${code}`;
}

/** True for a capability we know whose Value was malformed (kept opaque; worth a log line). */
export function isMalformedCapability(cap: Capability): boolean {
  return cap.kind === 'unknown' && byCode.has(cap.code);
}

/** Decodes one capability Value in buf[start, end); never throws. Opaque values are copied. */
export function decodeCapability(code: number, buf: Buffer, start: number, end: number): Capability {
  const known = byCode.get(code)?.decode(buf, start, end);
  return known ?? { kind: 'unknown', code, value: Buffer.from(buf.subarray(start, end)) };
}

/**
 * Decodes the Capability TLVs of one Capabilities Optional Parameter value, buf[start, end),
 * appending them to `out`. A TLV that overruns the parameter makes the parameter malformed:
 * RFC 4271 §6.2 "recognized, but is malformed" => OPEN Message Error / subcode 0 (Unspecific).
 */
export function decodeCapabilities(buf: Buffer, start: number, end: number, out: Capability[] = []): Capability[] {
  let pos = start;
  while (pos < end) {
    if (end - pos < 2) throw malformedCapabilities('capability header overruns its parameter');
    const code = buf[pos];
    const valueEnd = pos + 2 + buf[pos + 1];
    if (valueEnd > end) throw malformedCapabilities(`capability ${code} overruns its parameter`);
    out.push(decodeCapability(code, buf, pos + 2, valueEnd));
    pos = valueEnd;
  }
  return out;
}

/** Writes one capability as a TLV. Throws a plain Error when its Value exceeds 255 octets. */
export function encodeCapability(w: Writer, cap: Capability): void {
  w.u8(capabilityCode(cap));
  const lengthAt = w.reserve(1);
  const start = w.pos;
  if (cap.kind === 'unknown') w.bytes(cap.value);
  else (byKind.get(cap.kind)?.encode as (w: Writer, cap: Capability) => void)(w, cap);
  const length = w.pos - start;
  if (length > 255) throw new Error(`capability ${capabilityCode(cap)} value of ${length} octets exceeds 255`);
  w.patch(lengthAt, 1, length);
}

/** Writes capabilities as consecutive TLVs (the value of one Capabilities Optional Parameter). */
export function encodeCapabilities(w: Writer, caps: readonly Capability[]): void {
  for (const cap of caps) encodeCapability(w, cap);
}

function malformedCapabilities(why: string): BgpError {
  return new BgpError(ErrorCode.OPEN_MESSAGE, OpenSubcode.UNSPECIFIC, Buffer.alloc(0), why);
}
