/**
 * BIRD 2 configs for the benchmark: one BGP protocol, and for a sender a static protocol holding
 * the whole prefix run as blackhole routes. A million-route config is ~30 MB, so it is written in
 * chunks straight to the file instead of being built as one string. See /work/shared/PEERS.md.
 */
import fs from 'fs';
import type { Ipv4PrefixRun } from './prefix-run';

/** The BGP protocol's name in every bench config (`rx` is a keyword in BIRD 2.0.12's grammar). */
export const BIRD_BGP_PROTOCOL = 'bench';
/** The static protocol of a sender. */
export const BIRD_STATIC_PROTOCOL = 'bench_routes';

export interface BirdBgpConfig {
  readonly routerId: string;
  readonly local: { readonly address: string; readonly port: number; readonly asn: number };
  readonly neighbor: { readonly address: string; readonly port: number; readonly asn: number };
  /** Connect to the neighbor (`passive off`), or only wait for it to connect (`passive on`). */
  readonly connect: boolean;
  /** Start with the BGP protocol disabled, so the session comes up only on `birdc enable` once the routes are loaded. */
  readonly startDisabled: boolean;
  /** A sender exports its static routes with this next hop; a receiver imports everything and exports nothing. */
  readonly role: { readonly kind: 'sender'; readonly routes: Ipv4PrefixRun; readonly nextHop: string } | { readonly kind: 'receiver' };
}

/** Routes per write(): large enough that the syscalls do not matter, small enough to stay out of the old generation. */
const ROUTES_PER_CHUNK = 8192;

export function birdConfigHead(c: BirdBgpConfig): string {
  return `log stderr all;
router id ${c.routerId};
protocol device { }
`;
}

/** The BGP protocol block; `debug { states }` makes BIRD log "State changed to up" when the session is Established. */
export function birdBgpProtocol(c: BirdBgpConfig): string {
  const channel =
    c.role.kind === 'sender'
      ? `import none; export where source = RTS_STATIC; next hop address ${c.role.nextHop};`
      : 'import all; export none;';
  return `protocol bgp ${BIRD_BGP_PROTOCOL} {
  local ${c.local.address} port ${c.local.port} as ${c.local.asn};
  neighbor ${c.neighbor.address} port ${c.neighbor.port} as ${c.neighbor.asn};
  multihop;
  passive ${c.connect ? 'off' : 'on'};
  connect delay time 1; connect retry time 1; error wait time 1, 5;
${c.startDisabled ? '  disabled;\n' : ''}  debug { states };
  ipv4 { ${channel} };
}
`;
}

/** Writes the whole config file; a sender's static routes are streamed in chunks. */
export function writeBirdConfig(file: string, c: BirdBgpConfig): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, birdConfigHead(c));
    if (c.role.kind === 'sender') writeStaticProtocol(fd, c.role.routes);
    fs.writeSync(fd, birdBgpProtocol(c));
  } finally {
    fs.closeSync(fd);
  }
}

function writeStaticProtocol(fd: number, routes: Ipv4PrefixRun): void {
  fs.writeSync(fd, `protocol static ${BIRD_STATIC_PROTOCOL} {\n  ipv4;\n`);
  for (let start = 0; start < routes.count; start += ROUTES_PER_CHUNK) {
    const end = Math.min(start + ROUTES_PER_CHUNK, routes.count);
    let chunk = '';
    for (let i = start; i < end; i++) chunk += `  route ${routes.text(i)} blackhole;\n`;
    fs.writeSync(fd, chunk);
  }
  fs.writeSync(fd, '}\n');
}
