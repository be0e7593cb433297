/** Shared by the attribute specs: run one attribute list through the registry both ways. */
import { decodePathAttributes, encodePathAttributes, type UpdateParts } from '../../../lib/wire/attributes';
import { DEFAULT_CONTEXT, type CodecContext } from '../../../lib/wire/types';
import { Writer } from '../../../lib/wire/writer';
import { toHex } from '../../helpers/hex';

export const ASN4: CodecContext = DEFAULT_CONTEXT;
export const ASN2: CodecContext = { asn4: false, extendedMessage: false, addPath: new Set() };

/** Decodes a Path Attributes field; `nlriLocated` as when the UPDATE has classic NLRI. */
export function decodeList(bytes: Buffer, ctx: CodecContext = ASN4, nlriLocated = true) {
  return decodePathAttributes(bytes, 0, bytes.length, ctx, nlriLocated);
}

/** The attributes decoded from a field that must decode cleanly. */
export function decodeClean(bytes: Buffer, ctx: CodecContext = ASN4) {
  const list = decodeList(bytes, ctx);
  expect({ action: list.action, discarded: list.discarded }).toEqual({ action: 0, discarded: [] });
  return list.parts;
}

/** Hex of the Path Attributes field written for `parts`. */
export function encodeList(parts: UpdateParts, ctx: CodecContext = ASN4): string {
  const w = new Writer(16);
  encodePathAttributes(w, parts, ctx);
  return toHex(w.view());
}
