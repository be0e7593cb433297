/**
 * Raw messages in events (ExaBGP's api `packets` and `consolidate`, reactor/protocol.py _to_api):
 * - packets alone: a separate event per message, `"message": { "category": N, "header": .., "body": .. }`;
 * - consolidate: the parsed event with `"header"` and `"body"` after its `"type"` (an empty body is left out).
 */
import { hexString, neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';

const HEADER_LENGTH = 19;
const TYPE_NAMES = ['', 'open', 'update', 'notification', 'keepalive', 'refresh'];

/** JSON.py `packets()`: the raw message as its own event, typed by the message type. */
export function packetsJson(src: JsonEnvelopeSource, n: JsonNeighbor, raw: Uint8Array, direction: JsonDirection): string {
  const category = raw[18] ?? 0;
  const content = `"message": { "category": ${category}, "header": "${hexString(raw.subarray(0, HEADER_LENGTH))}", "body": "${hexString(raw.subarray(HEADER_LENGTH))}" } `;
  return neighborEvent(src, n, TYPE_NAMES[category] ?? 'unknown', direction, content);
}

/** Adds `"header"` / `"body"` to a parsed event line, where JSON.py `_header()` puts them. */
export function consolidatedJson(line: string, raw: Uint8Array): string {
  const at = line.indexOf('"type": "');
  const end = at < 0 ? -1 : line.indexOf('", ', at + 9);
  if (end < 0) return line;
  const body = raw.length > HEADER_LENGTH ? `"body": "${hexString(raw.subarray(HEADER_LENGTH))}", ` : '';
  return `${line.slice(0, end + 3)}"header": "${hexString(raw.subarray(0, HEADER_LENGTH))}", ${body}${line.slice(end + 3)}`;
}
