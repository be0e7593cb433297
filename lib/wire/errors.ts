/**
 * Codec errors. "The error you raise is the NOTIFICATION you send":
 * a BgpError carries exactly the code, subcode and data of RFC 4271 §6.
 * Attribute problems that RFC 7606 says not to reset the session for are AttrError,
 * collected by the UPDATE decoder (the strongest action wins) instead of thrown.
 */
import { ErrorCode, MessageType } from './iana';

export class BgpError extends Error {
  constructor(
    readonly code: number,
    readonly subcode: number,
    /** NOTIFICATION data exactly as the RFC prescribes for this error (often empty). */
    readonly data: Buffer = Buffer.alloc(0),
    message?: string,
  ) {
    super(message ?? `BGP error ${code}/${subcode}`);
    this.name = 'BgpError';
  }
}

/** RFC 7606 §2 error-handling approaches, weakest first. */
export const AttrAction = {
  /** §2 "attribute discard": drop the attribute, keep the route. */
  DISCARD: 1,
  /** §2 "treat-as-withdraw": the NLRI of the UPDATE are withdrawn. */
  TREAT_AS_WITHDRAW: 2,
  /** §2 "session reset": send the NOTIFICATION and close (RFC 4271 behaviour). */
  SESSION_RESET: 3,
} as const;
export type AttrAction = (typeof AttrAction)[keyof typeof AttrAction];

export class AttrError extends Error {
  constructor(
    /** Path attribute type code that was malformed. */
    readonly attrType: number,
    readonly action: AttrAction,
    /** UPDATE Message Error subcode and data, used when action is SESSION_RESET. */
    readonly subcode: number,
    readonly data: Buffer = Buffer.alloc(0),
    message?: string,
  ) {
    super(message ?? `malformed attribute ${attrType}`);
    this.name = 'AttrError';
  }
}

/**
 * What to send when decoding `frame` threw: a BgpError is the NOTIFICATION itself; anything else is
 * a bug of the decoder, and the peer still gets a NOTIFICATION for the message's kind (RFC 4271 §6:
 * UPDATE 3/1 Malformed Attribute List, OPEN 2/0, anything else a header error 1/0) rather than a
 * session left hanging. The caller logs the bug (`bug` true).
 */
export function asBgpError(e: unknown, frame: Buffer): { readonly error: BgpError; readonly bug: boolean } {
  if (e instanceof BgpError) return { error: e, bug: false };
  // The message type is octet 18 of the header (RFC 4271 §4.1), present in any frame framer() gave.
  const type = frame.length > 18 ? frame[18] : undefined;
  if (type === MessageType.UPDATE) return { error: new BgpError(ErrorCode.UPDATE_MESSAGE, 1), bug: true };
  if (type === MessageType.OPEN) return { error: new BgpError(ErrorCode.OPEN_MESSAGE, 0), bug: true };
  return { error: new BgpError(ErrorCode.MESSAGE_HEADER, 0), bug: true };
}
