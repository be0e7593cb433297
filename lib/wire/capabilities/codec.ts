/**
 * The shape every capability codec has (RFC 5492 §4: Capability Code, Length, Value).
 * A codec reads and writes only the Value; the registry in index.ts handles code and length.
 */
import type { Capability } from '../types';
import type { Writer } from '../writer';

/** Capability kinds that have a codec (everything but 'unknown'). */
export type KnownCapabilityKind = Exclude<Capability['kind'], 'unknown'>;

export type CapabilityOf<K extends Capability['kind']> = Extract<Capability, { readonly kind: K }>;

export interface CapabilityCodec<K extends KnownCapabilityKind = KnownCapabilityKind> {
  /** IANA Capability Code. */
  readonly code: number;
  readonly kind: K;
  /** IANA name, for logs. */
  readonly name: string;
  /**
   * Decodes the Value in buf[start, end). Returns undefined when it is malformed: the registry
   * then keeps it as an opaque 'unknown' capability, which the session ignores (RFC 5492 §3)
   * rather than tearing down over a capability it would not use.
   */
  decode(buf: Buffer, start: number, end: number): CapabilityOf<K> | undefined;
  /** Writes the Value only. */
  encode(w: Writer, cap: CapabilityOf<K>): void;
}

/** Any one codec, whatever its kind (the registry's element type). */
export type AnyCapabilityCodec = { [K in KnownCapabilityKind]: CapabilityCodec<K> }[KnownCapabilityKind];

/**
 * A codec for a capability that is only a flag (Length 0). A non-empty Value is malformed and
 * kept as unknown, as BIRD does.
 */
export function flagCapability<K extends KnownCapabilityKind>(code: number, kind: K, name: string): CapabilityCodec<K> {
  const value = Object.freeze({ kind }) as CapabilityOf<K>;
  return {
    code,
    kind,
    name,
    decode: (_buf, start, end) => (end === start ? value : undefined),
    encode: () => undefined,
  };
}
