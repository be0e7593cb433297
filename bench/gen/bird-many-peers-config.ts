/**
 * BIRD 2 configs for the many-peers cases, written straight to a file in chunks (a million static
 * routes are ~30 MB of text).
 *
 * Sender: one BIRD with a table, a static protocol and a BGP protocol per peer. Peer i's statics
 * go into its own table mp_table_i and its BGP channel exports that table only. With one shared
 * table and export filters, BIRD would feed every channel the whole table and run the filter on
 * each route, 100 × N evaluations before the first UPDATE; with a table per peer each route is
 * looked at once. The BGP protocols start `disabled` so that the burst begins only when the
 * case enables them (`enable "mp_peer_*"`), after every static is loaded.
 *
 * Receiver (the BIRD row): one passive BGP protocol per peer on that peer's receiver address, importing
 * everything into master4 and exporting nothing, as the other receivers do.
 */
import fs from 'fs';
import { MANY_PEERS_HOLD_TIME, MANY_PEERS_KEEPALIVE, SENDER_PORT, SENDER_ROUTER_ID, type ManyPeer, type ManyPeersEndpoint, type ManyPeersLayout } from './many-peers-layout';

/** Name prefixes; BIRD CLI patterns such as "mp_peer_*" select a whole kind. */
export const SENDER_BGP_PREFIX = 'mp_peer_';
export const SENDER_STATIC_PREFIX = 'mp_routes_';
export const SENDER_TABLE_PREFIX = 'mp_table_';
export const RECEIVER_BGP_PREFIX = 'mp_in_';

/** Protocol or table name of a peer: prefix + its 1-based number. */
export function peerProtocolName(prefix: string, peer: ManyPeer): string {
  return `${prefix}${peer.index + 1}`;
}

/** The peer index a protocol name stands for, or -1 when it is not `prefix` + a number. */
export function peerIndexOfProtocol(prefix: string, name: string): number {
  if (!name.startsWith(prefix)) return -1;
  const digits = name.slice(prefix.length);
  return /^[1-9]\d*$/.test(digits) ? Number(digits) - 1 : -1;
}

/**
 * Both sides use the short hold time; `strict bind` keeps each listening socket on its own
 * loopback address instead of 0.0.0.0 (and out of the way of other benchmarks' ports).
 */
function sessionOptions(): string {
  return `  multihop;
  strict bind;
  hold time ${MANY_PEERS_HOLD_TIME};
  keepalive time ${MANY_PEERS_KEEPALIVE};
  debug { states };
`;
}

export function senderBgpProtocol(peer: ManyPeer, receiver: ManyPeersEndpoint, nextHop: string): string {
  return `protocol bgp ${peerProtocolName(SENDER_BGP_PREFIX, peer)} {
  local ${peer.address} port ${SENDER_PORT} as ${peer.asn};
  neighbor ${peer.receiverAddress} port ${receiver.port} as ${receiver.asn};
${sessionOptions()}  passive off;
  connect delay time 1; connect retry time 1; error wait time 1, 5;
  disabled;
  ipv4 { table ${peerProtocolName(SENDER_TABLE_PREFIX, peer)}; import none; export all; next hop address ${nextHop}; };
}
`;
}

export function receiverBgpProtocol(peer: ManyPeer, receiver: ManyPeersEndpoint): string {
  return `protocol bgp ${peerProtocolName(RECEIVER_BGP_PREFIX, peer)} {
  local ${peer.receiverAddress} port ${receiver.port} as ${receiver.asn};
  neighbor ${peer.address} port ${SENDER_PORT} as ${peer.asn};
${sessionOptions()}  passive on;
  ipv4 { import all; export none; };
}
`;
}

function head(routerId: string): string {
  return `log stderr all;
router id ${routerId};
protocol device { }
`;
}

/** Routes per write(): large enough that the syscalls do not matter, small enough to stay out of the old generation. */
const ROUTES_PER_CHUNK = 8192;

/** The sender: per peer a table, a static protocol holding its share of the run, a disabled BGP protocol. */
export function writeManyPeersSenderConfig(file: string, layout: ManyPeersLayout, receiver: ManyPeersEndpoint, nextHop: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, head(SENDER_ROUTER_ID));
    fs.writeSync(fd, layout.peers.map((p) => `ipv4 table ${peerProtocolName(SENDER_TABLE_PREFIX, p)};\n`).join(''));
    for (const peer of layout.peers) {
      writeStatics(fd, layout, peer);
      fs.writeSync(fd, senderBgpProtocol(peer, receiver, nextHop));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The BIRD receiver: one passive protocol per peer. */
export function writeManyPeersReceiverConfig(file: string, layout: ManyPeersLayout, receiver: ManyPeersEndpoint): void {
  fs.writeFileSync(file, head(receiver.routerId) + layout.peers.map((p) => receiverBgpProtocol(p, receiver)).join(''));
}

function writeStatics(fd: number, layout: ManyPeersLayout, peer: ManyPeer): void {
  fs.writeSync(fd, `protocol static ${peerProtocolName(SENDER_STATIC_PREFIX, peer)} {\n  ipv4 { table ${peerProtocolName(SENDER_TABLE_PREFIX, peer)}; };\n`);
  const end = peer.first + peer.count;
  for (let start = peer.first; start < end; start += ROUTES_PER_CHUNK) {
    const stop = Math.min(start + ROUTES_PER_CHUNK, end);
    let chunk = '';
    for (let i = start; i < stop; i++) chunk += `  route ${layout.run.text(i)} blackhole;\n`;
    fs.writeSync(fd, chunk);
  }
  fs.writeSync(fd, '}\n');
}
