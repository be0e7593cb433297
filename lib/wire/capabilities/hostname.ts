/**
 * FQDN (hostname) capability, code 73 (draft-walton-bgp-hostname-capability §3):
 * Hostname Length (1), Hostname (UTF-8), Domain Name Length (1), Domain Name (UTF-8).
 * FRR sends it by default; BIRD and GoBGP show it.
 */
import { CapabilityCode } from '../iana';
import type { Writer } from '../writer';
import type { CapabilityCodec } from './codec';

/** Strict UTF-8 that keeps a leading BOM, so what we decode re-encodes to the same bytes. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 text of buf[start, end), or undefined when the bytes are not valid UTF-8. */
function decodeUtf8(buf: Buffer, start: number, end: number): string | undefined {
  try {
    return utf8.decode(buf.subarray(start, end));
  } catch {
    return undefined;
  }
}

function writeName(w: Writer, text: string, what: string): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > 255) throw new Error(`FQDN capability ${what} is ${bytes.length} octets, more than 255`);
  w.u8(bytes.length);
  w.bytes(bytes);
}

export const hostname: CapabilityCodec<'hostname'> = {
  code: CapabilityCode.FQDN,
  kind: 'hostname',
  name: 'FQDN',
  decode(buf, start, end) {
    if (end - start < 2) return undefined;
    const hostEnd = start + 1 + buf[start];
    if (hostEnd + 1 > end) return undefined;
    const domainEnd = hostEnd + 1 + buf[hostEnd];
    if (domainEnd !== end) return undefined;
    const host = decodeUtf8(buf, start + 1, hostEnd);
    const domain = decodeUtf8(buf, hostEnd + 1, domainEnd);
    if (host === undefined || domain === undefined) return undefined;
    return { kind: 'hostname', hostname: host, domain };
  },
  encode(w, cap) {
    writeName(w, cap.hostname, 'hostname');
    writeName(w, cap.domain, 'domain name');
  },
};
