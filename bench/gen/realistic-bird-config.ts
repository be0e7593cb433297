/**
 * BIRD 2 configs for the realistic-table cases: IPv4 and IPv6 unicast channels on one IPv4 session.
 *
 * The sender learns the table over an iBGP session from the bench's feeder (bench/daemons/bgp-feeder.ts
 * says why not static routes) and exports it on the measured eBGP session, as a router re-advertises
 * a full table: its own AS put in front of each path, its next hop per channel. An IPv6 channel on
 * an IPv4 session needs `next hop address` with an IPv6 address, or BIRD has no next hop to send.
 * The receiver imports both channels and exports nothing. See /work/shared/PEERS.md.
 */
import { BIRD_BGP_PROTOCOL } from './bird-config';

/** The sender's iBGP protocol the feeder talks to. */
export const BIRD_FEED_PROTOCOL = 'feed';

export interface RealisticBirdEnd {
  readonly address: string;
  readonly port: number;
  readonly asn: number;
}

export interface RealisticBirdSender {
  readonly routerId: string;
  readonly local: RealisticBirdEnd;
  readonly neighbor: RealisticBirdEnd;
  /** Where the feeder connects from; it speaks iBGP with the sender's own AS. */
  readonly feederAddress: string;
  /** Connect to the receiver (`passive off`) or wait for it. */
  readonly connect: boolean;
  readonly ipv4NextHop: string;
  readonly ipv6NextHop: string;
}

export interface RealisticBirdReceiver {
  readonly routerId: string;
  readonly local: RealisticBirdEnd;
  readonly neighbor: RealisticBirdEnd;
  readonly connect: boolean;
}

const HEAD = (routerId: string) => `log stderr all;
router id ${routerId};
protocol device { }
`;

/**
 * BIRD sends MULTI_EXIT_DISC to an eBGP peer only when the export filter itself set it (checked
 * here: a MED set on a static route, or learnt over iBGP, is dropped otherwise), so the filter sets
 * it again; only the feeder's routes leave.
 */
const EXPORT_FILTER = `filter realistic_export {
  if proto != "${BIRD_FEED_PROTOCOL}" then reject;
  if defined(bgp_med) then bgp_med = bgp_med;
  accept;
}
`;

/**
 * The measured protocol starts `disabled`: the bench enables it once the feeder's table is loaded,
 * so no session can come up with half a table.
 */
export function realisticBirdSenderConfig(c: RealisticBirdSender): string {
  return `${HEAD(c.routerId)}${EXPORT_FILTER}protocol bgp ${BIRD_FEED_PROTOCOL} {
  local ${c.local.address} port ${c.local.port} as ${c.local.asn};
  neighbor ${c.feederAddress} as ${c.local.asn};
  multihop;
  passive on;
  ipv4 { import all; export none; };
  ipv6 { import all; export none; };
}
protocol bgp ${BIRD_BGP_PROTOCOL} {
  local ${c.local.address} port ${c.local.port} as ${c.local.asn};
  neighbor ${c.neighbor.address} port ${c.neighbor.port} as ${c.neighbor.asn};
  multihop;
  passive ${c.connect ? 'off' : 'on'};
  connect delay time 1; connect retry time 1; error wait time 1, 5;
  disabled;
  debug { states };
  ipv4 { import none; export filter realistic_export; next hop address ${c.ipv4NextHop}; };
  ipv6 { import none; export filter realistic_export; next hop address ${c.ipv6NextHop}; };
}
`;
}

export function realisticBirdReceiverConfig(c: RealisticBirdReceiver): string {
  return `${HEAD(c.routerId)}protocol bgp ${BIRD_BGP_PROTOCOL} {
  local ${c.local.address} port ${c.local.port} as ${c.local.asn};
  neighbor ${c.neighbor.address} port ${c.neighbor.port} as ${c.neighbor.asn};
  multihop;
  passive ${c.connect ? 'off' : 'on'};
  connect delay time 1; connect retry time 1; error wait time 1, 5;
  debug { states };
  ipv4 { import all; export none; };
  ipv6 { import all; export none; };
}
`;
}
