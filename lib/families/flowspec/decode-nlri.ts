/**
 * Walks a whole FlowSpec NLRI field (the NLRI of one MP_REACH_NLRI or MP_UNREACH_NLRI, RFC 4760):
 * per NLRI, an optional 4-octet ADD-PATH Path Identifier (RFC 7911 §3), the length (RFC 8955 §4.1),
 * an RD for flow-vpn (RFC 8955 §8), then the components.
 *
 * Never throws. A malformed NLRI is reported in `errors` and skipped by its length, so the rest of
 * the field is still read; the caller treats the UPDATE as withdraw (malformed.ts). A length or
 * path identifier running past the field ends it.
 */
import { decodeComponents } from './decode-rule';
import type { FlowNlriError } from './malformed';
import { flowNlriLengthAt, lengthFieldSizeAt } from './nlri-length';
import { decodeRouteDistinguisher, RD_LENGTH } from '../route-distinguisher';
import type { FlowFamily, FlowRule } from './types';

export interface FlowNlriRun {
  readonly rules: FlowRule[];
  /** With ADD-PATH, the Path Identifier of each rule (parallel to `rules`). */
  readonly pathIds?: number[];
  /** Malformed NLRI, in field order: when present, treat the UPDATE as withdraw. */
  readonly errors?: FlowNlriError[];
}

/** Decodes every FlowSpec NLRI in buf[start, end); `wholeIpv6Prefix` as in encodeFlowRule. */
export function decodeFlowNlri(buf: Buffer, start: number, end: number, family: FlowFamily, addPath = false, wholeIpv6Prefix = false): FlowNlriRun {
  const rules: FlowRule[] = [];
  const pathIds: number[] | undefined = addPath ? [] : undefined;
  let errors: FlowNlriError[] | undefined;
  const fail = (offset: number, reason: string): void => {
    (errors ??= []).push({ offset, reason });
  };
  const vpn = family.safi === 134;
  let at = start;
  while (at < end) {
    const nlriStart = at;
    let pathId = 0;
    if (addPath) {
      if (at + 4 > end) {
        fail(nlriStart, 'the ADD-PATH path identifier runs past the end of the field');
        break;
      }
      pathId = ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
      at += 4;
    }
    const length = flowNlriLengthAt(buf, at, end);
    if (length < 0) {
      fail(nlriStart, 'the NLRI length runs past the end of the field');
      break;
    }
    const valueStart = at + lengthFieldSizeAt(buf, at);
    const valueEnd = valueStart + length;
    if (valueEnd > end) {
      fail(nlriStart, `the NLRI length ${length} runs past the end of the field`);
      break;
    }
    at = valueEnd;
    let componentsStart = valueStart;
    let rd;
    if (vpn) {
      if (length < RD_LENGTH) {
        fail(nlriStart, `a flow-vpn NLRI of ${length} octets has no room for its route distinguisher`);
        continue;
      }
      rd = decodeRouteDistinguisher(buf, valueStart);
      componentsStart += RD_LENGTH;
    }
    const components = decodeComponents(buf, componentsStart, valueEnd, family.afi, wholeIpv6Prefix);
    if (typeof components === 'string') {
      fail(nlriStart, components);
      continue;
    }
    rules.push(rd ? { rd, components } : { components });
    pathIds?.push(pathId);
  }
  const run: { rules: FlowRule[]; pathIds?: number[]; errors?: FlowNlriError[] } = { rules };
  if (pathIds) run.pathIds = pathIds;
  if (errors) run.errors = errors;
  return run;
}
