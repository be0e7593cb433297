/**
 * Codec errors. "The error you raise is the NOTIFICATION you send":
 * a BgpError carries exactly the code, subcode and data of RFC 4271 §6.
 * Attribute problems that RFC 7606 says not to reset the session for are AttrError,
 * collected by the UPDATE decoder (the strongest action wins) instead of thrown.
 */

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
