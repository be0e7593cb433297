/**
 * Raw UPDATE vectors of a family with what ExaBGP 4.2 prints for them (a fixture file holding
 * { name, hex, addPath, exabgp42, exabgp42Text }: null where 4.2 cannot decode the vector), and the
 * checks every such family spec makes: the message decodes without error, its JSON and text events
 * are ExaBGP's, and it encodes back to the same MP_REACH_NLRI / MP_UNREACH_NLRI octets (RFC 4760).
 */
import { readFileSync } from 'fs';
import { updateMessageBody } from '../../lib/api/exabgp-json/update';
import { messageText } from '../../lib/api/exabgp-text';
import { FAMILIES } from '../../lib/families';
import { familyContext } from '../../lib/families/family-context';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, familyKey, type CodecContext, type UpdateMessage } from '../../lib/wire/types';
import { CASE_NEIGHBOR } from '../api/exabgp-json/helpers/cases';
import { updateAttributes } from './update-attributes';

export interface FamilyVector {
  readonly name: string;
  readonly hex: string;
  /** RFC 7911 path ids on every family. */
  readonly addPath: boolean;
  /** What `exabgp --decode` (4.2) prints as the message, or null when it cannot decode it. */
  readonly exabgp42: string | null;
  /** What ExaBGP 4.2's text encoder prints for neighbor 127.0.0.2, or null. */
  readonly exabgp42Text: string | null;
  /** What ExaBGP 5's `exabgp decode` prints as the message, for families 4.2 does not negotiate (ipv4 rtc, ipv6 multicast), or null. */
  readonly exabgp5: string | null;
}

export function readVectors(file: string): FamilyVector[] {
  return JSON.parse(readFileSync(file, 'utf8')) as FamilyVector[];
}

const plain = familyContext(DEFAULT_CONTEXT);
const addPath = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set(FAMILIES.map((f) => familyKey(f.afi, f.safi))) });

export function contextOf(vector: FamilyVector): CodecContext {
  return vector.addPath ? addPath : plain;
}

export function decodeVector(vector: FamilyVector): UpdateMessage {
  const message = decodeMessage(Buffer.from(vector.hex, 'hex'), contextOf(vector));
  if (message.type !== 'update') throw new Error(`not an UPDATE: ${message.type}`);
  return message;
}

/** The JSON message body rxbgp prints, as `exabgp --decode` shows it. */
export function jsonOf(vector: FamilyVector): string {
  return `{ ${updateMessageBody(decodeVector(vector), 'in', contextOf(vector))} }`;
}

export function textOf(vector: FamilyVector): string {
  const ctx = contextOf(vector);
  return messageText(CASE_NEIGHBOR, decodeMessage(Buffer.from(vector.hex, 'hex'), ctx), 'receive', ctx);
}

/** The value of each MP_REACH_NLRI (14) / MP_UNREACH_NLRI (15) attribute of an UPDATE, as hex. */
export function mpAttributes(message: Buffer): string[] {
  return updateAttributes(message)
    .filter((a) => a.type === 14 || a.type === 15)
    .map((a) => `${a.type}:${a.value.toString('hex')}`)
    .sort();
}

/** The MP attributes of the vector, and of the vector decoded and encoded again. */
export function reencoded(vector: FamilyVector): { readonly expected: string[]; readonly actual: string[] } {
  return { expected: mpAttributes(Buffer.from(vector.hex, 'hex')), actual: mpAttributes(encodeMessage(decodeVector(vector), contextOf(vector))) };
}
