/**
 * Cutting a captured byte stream into its BGP messages, once, before anything is timed, and
 * telling the messages apart by their header alone (RFC 4271 §4.1: Marker, Length, Type).
 */
import { Framer } from '../../lib/wire/framer';
import { HEADER_LENGTH, MARKER_LENGTH, MessageType } from '../../lib/wire/iana';

/** Offset of the Type octet: after the 16-octet Marker and the 2-octet Length. */
const TYPE_OFFSET = MARKER_LENGTH + 2;

/**
 * RFC 4724 §2: the IPv4 unicast End-of-RIB is an UPDATE with no withdrawn routes, no path
 * attributes and no NLRI, i.e. a header and two zero 2-octet lengths: 23 octets.
 */
const END_OF_RIB_LENGTH = HEADER_LENGTH + 4;

/**
 * The messages of `capture`, in order, as views of it (rxbgp's own framer cuts them). Throws when
 * the stream is out of sync or ends inside a message: a capture must hold whole messages only.
 */
export function splitMessages(capture: Buffer): Buffer[] {
  const framer = new Framer();
  const messages = framer.push(capture);
  if (framer.pending !== 0) throw new Error(`capture ends inside a message (${framer.pending} octets of it left over)`);
  return messages;
}

/** The Type octet of a whole message (as cut by splitMessages or the Framer). */
export function messageType(message: Buffer): number {
  return message[TYPE_OFFSET];
}

export function isUpdate(message: Buffer): boolean {
  return messageType(message) === MessageType.UPDATE;
}

/** The UPDATE messages among `messages`, in order. */
export function updatesOf(messages: readonly Buffer[]): Buffer[] {
  return messages.filter(isUpdate);
}

/** True when `message` is the IPv4 unicast End-of-RIB marker (RFC 4724 §2), read from its bytes. */
export function isIpv4EndOfRib(message: Buffer): boolean {
  if (message.length !== END_OF_RIB_LENGTH || !isUpdate(message)) return false;
  const lengths = HEADER_LENGTH;
  // Withdrawn Routes Length and Total Path Attribute Length, both zero; nothing follows them.
  return message[lengths] === 0 && message[lengths + 1] === 0 && message[lengths + 2] === 0 && message[lengths + 3] === 0;
}
