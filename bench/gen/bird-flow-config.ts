/**
 * BIRD 2 as the FlowSpec receiver of the flow-api cases: a flow4 table and one BGP protocol with a
 * flow4 channel that imports everything (RFC 8955 §6 validation is off, BIRD's default), waiting
 * for the sender to connect. The protocol is BIRD_BGP_PROTOCOL with `debug { states }`, so
 * BirdDaemon sees "State changed to up" and reads the channel's import counter as for unicast.
 */
import fs from 'fs';
import { BIRD_BGP_PROTOCOL } from './bird-config';

export const BIRD_FLOW_TABLE = 'flowtab4';

export interface BirdFlowReceiverConfig {
  readonly routerId: string;
  readonly local: { readonly address: string; readonly port: number; readonly asn: number };
  readonly neighbor: { readonly address: string; readonly asn: number };
}

export function birdFlowReceiverConfig(c: BirdFlowReceiverConfig): string {
  return `log stderr all;
router id ${c.routerId};
flow4 table ${BIRD_FLOW_TABLE};
protocol device { }
protocol bgp ${BIRD_BGP_PROTOCOL} {
  local ${c.local.address} port ${c.local.port} as ${c.local.asn};
  neighbor ${c.neighbor.address} as ${c.neighbor.asn};
  multihop;
  passive on;
  error wait time 1, 5;
  debug { states };
  flow4 { table ${BIRD_FLOW_TABLE}; import all; export none; };
}
`;
}

export function writeBirdFlowReceiverConfig(file: string, c: BirdFlowReceiverConfig): void {
  fs.writeFileSync(file, birdFlowReceiverConfig(c));
}
