/** One VPLS NLRI (RFC 4761 §3.2.2): what a PE advertises of its label block for one VPLS instance. */
import type { RouteDistinguisher } from '../route-distinguisher';

export interface VplsNlri {
  readonly rd: RouteDistinguisher;
  /** VE ID (2 octets): ExaBGP's "endpoint". */
  readonly endpoint: number;
  /** VE Block Offset (2 octets). */
  readonly offset: number;
  /** VE Block Size (2 octets). */
  readonly size: number;
  /** Label Base (20 bits). */
  readonly base: number;
}

/** RFC 4761 §3.2.2: the Length field's value, the octets after it (RD 8, VE ID, offset, size 2 each, label base 3). */
export const VPLS_LENGTH = 17;
export const MAX_LABEL = 0xfffff;
