/**
 * A codec context that knows every family of the registry: what sessions, `rxbgp decode` and
 * `rxbgp encode` hand to lib/wire, which cannot import the families itself (CodecContext.nlri).
 */
import type { CodecContext } from '../wire/types';
import { FAMILY_REGISTRY } from './index';

export function familyContext(ctx: Omit<CodecContext, 'nlri'>): CodecContext {
  return { ...ctx, nlri: FAMILY_REGISTRY.nlri };
}
