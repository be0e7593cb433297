/** Raw messages in ExaBGP's text encoder (text.py `packets()` and the `_header_body()` suffix). */
import { hexString } from '../exabgp-json/envelope';
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';

const HEADER_LENGTH = 19;

export function headerBodyText(raw: Uint8Array): string {
  const header = ` header ${hexString(raw.subarray(0, HEADER_LENGTH))}`;
  return raw.length > HEADER_LENGTH ? `${header} body ${hexString(raw.subarray(HEADER_LENGTH))}` : header;
}

export function packetsText(n: JsonNeighbor, raw: Uint8Array, direction: JsonDirection): string {
  return `neighbor ${n.peerAddress} ${direction} ${raw[18] ?? 0}${headerBodyText(raw)}`;
}
