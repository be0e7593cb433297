/** Shared by the UPDATE specs. */
import { BgpError } from '../../lib/wire/errors';
import { decodeUpdate, encodeUpdateBody } from '../../lib/wire/update';
import { DEFAULT_CONTEXT, type CodecContext, type UpdateMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import { toHex } from '../helpers/hex';

export const ASN4: CodecContext = DEFAULT_CONTEXT;
export const ASN2: CodecContext = { asn4: false, extendedMessage: false, addPath: new Set() };

/** Decodes an UPDATE body placed in the middle of a larger buffer, as frames arrive. */
export function decodeBody(body: Buffer, ctx: CodecContext = ASN4): UpdateMessage {
  const padded = Buffer.concat([Buffer.from([0xee, 0xee, 0xee]), body, Buffer.from([0xee])]);
  return decodeUpdate(padded, 3, 3 + body.length, ctx);
}

export function encodeBody(msg: UpdateMessage, ctx: CodecContext = ASN4): string {
  const w = new Writer(8);
  encodeUpdateBody(w, msg, ctx);
  return toHex(w.view());
}

/** {code, subcode, data} of the BgpError thrown by `run`. */
export function notificationOf(run: () => unknown): { code: number; subcode: number; data: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BgpError) return { code: error.code, subcode: error.subcode, data: toHex(error.data) };
    throw error;
  }
  throw new Error('expected a BgpError');
}
