/**
 * A codec context that knows every family of the registry: what sessions, `rxbgp decode` and
 * `rxbgp encode` hand to lib/wire, which cannot import the families itself (CodecContext.nlri).
 */
import { decodeHexMessage } from '../wire/message';
import { DEFAULT_CONTEXT, type CodecContext, type Message } from '../wire/types';
import { FAMILY_REGISTRY } from './index';

export function familyContext(ctx: Omit<CodecContext, 'nlri'>): CodecContext {
  return { ...ctx, nlri: FAMILY_REGISTRY.nlri };
}

/** DEFAULT_CONTEXT (4-octet AS, no ADD-PATH) knowing every family: what the library decodes with by default. */
export const FAMILY_CONTEXT: CodecContext = familyContext(DEFAULT_CONTEXT);

/** decodeHexMessage with every family known (FlowSpec included), for library users and tools. */
export function decodeHexWithFamilies(hex: string, ctx: CodecContext = FAMILY_CONTEXT): Message {
  return decodeHexMessage(hex, ctx);
}
