/**
 * Who is who in the many-peers cases (bgperf style): one BIRD process speaks for 100 peers, peer i
 * (1-based) on 127.0.4.i with AS 64600+i, each announcing its own share of one run of /24s into a
 * single receiver (rxbgp, BIRD or GoBGP, one port each).
 *
 * The receiver answers peer i on its own address 127.0.4.(100+i), not on one address for all:
 * BIRD 2 takes an object lock on (neighbor address, neighbor port) for each BGP protocol for as
 * long as it runs (nest/locks.c), so 100 protocols of one BIRD aimed at one address and port come
 * up one at a time, never together. Distinct ports would do for rxbgp and BIRD, but gobgpd listens
 * on one port (on every address of its local-address-list), so every receiver gets the same 100
 * addresses and its own port. 127.0.4.0/24 and ports 22000–22999 are reserved for these cases
 * (bench/cases/case-types.ts); 127/8 is all loopback on Linux.
 */
import { Ipv4PrefixRun } from './prefix-run';

export const MANY_PEERS_COUNT = 100;
/** 100 × 10,000 prefixes by default: N is the total over every session. */
export const MANY_PEERS_DEFAULT_N = 1_000_000;
/** The burst must not starve keepalives: a hold time this short expires if a side stalls for 9 s. */
export const MANY_PEERS_HOLD_TIME = 9;
export const MANY_PEERS_KEEPALIVE = 3;

/** The sender BIRD's listening port on each 127.0.4.i (it connects out; nobody connects to it). */
export const SENDER_PORT = 22178;
export const SENDER_ROUTER_ID = '192.0.2.250';
/** One AS for every receiver, so each of the 100 sessions is eBGP. */
export const RECEIVER_AS = 64500;
/** gobgpd's gRPC API (its own port, PEERS.md). */
export const GOBGP_API_PORT = 22990;

export type ManyPeersReceiverKind = 'rxbgp' | 'bird' | 'gobgp';

/** The receiver's side of every session: its addresses are the peers' receiverAddress. */
export interface ManyPeersEndpoint {
  readonly port: number;
  readonly asn: number;
  /** BGP Identifier only (192.0.2.0/24 is never connected to, PEERS.md). */
  readonly routerId: string;
}

/** Distinct addresses and ports per receiver, so one case's TIME_WAIT never meets the next case. */
export const MANY_PEERS_RECEIVERS: Readonly<Record<ManyPeersReceiverKind, ManyPeersEndpoint>> = {
  rxbgp: { port: 22179, asn: RECEIVER_AS, routerId: '192.0.2.251' },
  bird: { port: 22180, asn: RECEIVER_AS, routerId: '192.0.2.252' },
  gobgp: { port: 22181, asn: RECEIVER_AS, routerId: '192.0.2.253' },
};

export interface ManyPeer {
  /** 0-based position; the peer's number in names and addresses is index + 1. */
  readonly index: number;
  /** The sender's address for this session. */
  readonly address: string;
  /** The receiver's address for this session. */
  readonly receiverAddress: string;
  readonly asn: number;
  /** Index in the run of the first prefix this peer announces. */
  readonly first: number;
  /** How many consecutive prefixes of the run it announces. */
  readonly count: number;
}

export interface ManyPeersLayout {
  readonly run: Ipv4PrefixRun;
  readonly peers: readonly ManyPeer[];
  /** The peer that announces prefix i of the run. */
  ownerOf(i: number): number;
  /** The peer whose sender address is `address`, or -1. */
  peerIndexOf(address: string): number;
}

/**
 * Splits `n` prefixes from `first` over `peerCount` peers in consecutive shares; when n is not a
 * multiple the first n % peerCount peers take one more, so the total is exactly n.
 */
export function manyPeersLayout(n: number, first: string, peerCount = MANY_PEERS_COUNT): ManyPeersLayout {
  if (!Number.isInteger(peerCount) || peerCount < 1 || peerCount > 100) throw new Error(`many peers: 1..100 peers, got ${peerCount}`);
  if (!Number.isInteger(n) || n < peerCount) throw new Error(`many peers: N must be at least one prefix per peer (${peerCount}), got ${n}`);
  const run = new Ipv4PrefixRun(first, n);
  const base = Math.floor(n / peerCount);
  const larger = n % peerCount;
  const peers: ManyPeer[] = [];
  let at = 0;
  for (let index = 0; index < peerCount; index++) {
    const count = base + (index < larger ? 1 : 0);
    peers.push({ index, address: `127.0.4.${index + 1}`, receiverAddress: `127.0.4.${index + 101}`, asn: 64601 + index, first: at, count });
    at += count;
  }
  const byAddress = new Map(peers.map((p) => [p.address, p.index]));
  const largerSpan = larger * (base + 1);
  return {
    run,
    peers,
    ownerOf: (i) => (i < largerSpan ? Math.floor(i / (base + 1)) : larger + Math.floor((i - largerSpan) / base)),
    peerIndexOf: (address) => byAddress.get(address) ?? -1,
  };
}
