/**
 * The envelope every ExaBGP 4.x JSON event shares (format "exabgp": "4.0.1"), written the way
 * exabgp/reactor/api/response/json.py writes it: `_header()` around `_neighbor()`, with its
 * irregular spacing ("host" : …, a space before ", \"direction\"", two spaces after a
 * keepalive's direction) kept byte for byte so helper scripts that match on text keep working.
 */
import os from 'os';

/** Who the event is about: exabgp prints the configured addresses and AS numbers of the neighbor. */
export interface JsonNeighbor {
  localAddress: string;
  peerAddress: string;
  localAs: number;
  peerAs: number;
  routerId?: string;
  peerId?: string;
}

/** The fields of the envelope that vary per process and per event. */
export interface JsonEnvelopeSource {
  host: string;
  pid: number;
  ppid: number;
  /** exabgp counts events per neighbor, starting at 1. */
  nextCounter(): number;
  /** Seconds since the epoch, with a fraction (Python's time.time()). */
  now(): number;
}

/** Where the message went: exabgp's 'receive' / 'send', or 'in' as `exabgp --decode` prints it. */
export type JsonDirection = 'receive' | 'send' | 'in';

/** Host name, pid and ppid of this process; a counter from 1; the wall clock with sub-millisecond digits. */
export function defaultEnvelopeSource(): JsonEnvelopeSource {
  let counter = 0;
  return {
    host: os.hostname(),
    pid: process.pid,
    ppid: process.ppid,
    nextCounter: () => ++counter,
    now: () => (performance.timeOrigin + performance.now()) / 1000,
  };
}

/** Python's repr() of a float as exabgp prints time.time(): shortest round-trip digits, always a '.'. */
export function pythonFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

/**
 * JSON.py `_header()`: `{ "exabgp": "4.0.1", "time": T, "host" : H, "pid" : P, "ppid" : Q, "counter": N, "type": K, CONTENT }`.
 * The counter is left out for events without a neighbor (the shutdown notification).
 */
export function envelope(src: JsonEnvelopeSource, type: string, content: string, withCounter = true): string {
  const counter = withCounter ? `"counter": ${src.nextCounter()}, ` : '';
  return (
    `{ "exabgp": "4.0.1", "time": ${pythonFloat(src.now())}, "host" : "${src.host}", ` +
    `"pid" : ${src.pid}, "ppid" : ${src.ppid}, ${counter}"type": "${type}", ${content} }`
  );
}

/**
 * JSON.py `_neighbor()`: the neighbor object, then ", \"direction\": …" when there is one,
 * then ", CONTENT" (or a lone space when the content is empty, as for KEEPALIVE).
 */
export function neighborSection(n: JsonNeighbor, direction: JsonDirection | undefined, content: string): string {
  return (
    `"neighbor": { "address": { "local": "${n.localAddress}", "peer": "${n.peerAddress}" }, ` +
    `"asn": { "local": ${n.localAs}, "peer": ${n.peerAs} } ` +
    (direction ? `, "direction": "${direction}"` : '') +
    (content ? `, ${content}` : ' ') +
    ' }'
  );
}

/** The whole line for an event about a neighbor. */
export function neighborEvent(
  src: JsonEnvelopeSource,
  n: JsonNeighbor,
  type: string,
  direction: JsonDirection | undefined,
  content: string,
): string {
  return envelope(src, type, neighborSection(n, direction, content));
}

/** exabgp's util.hexstring(): "0x" and upper-case hex digits ("0x" alone for no bytes). */
export function hexString(bytes: Uint8Array): string {
  return '0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}
