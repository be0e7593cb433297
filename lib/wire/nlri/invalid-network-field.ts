import { BgpError } from '../errors';
import { ErrorCode, UpdateSubcode } from '../iana';

/**
 * RFC 4271 §6.3 / RFC 7606 §5.3: a syntactically incorrect NLRI or Withdrawn Routes field
 * (prefix longer than the family allows, or an NLRI running past the field) cannot be
 * treated as withdraw because the prefixes themselves are unknown: the session is reset with
 * UPDATE Message Error / Invalid Network Field, which carries no data.
 */
export function invalidNetworkField(why: string): BgpError {
  return new BgpError(ErrorCode.UPDATE_MESSAGE, UpdateSubcode.INVALID_NETWORK_FIELD, Buffer.alloc(0), why);
}
