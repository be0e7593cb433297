/**
 * neighborSettingsKey: everything about a neighbor that is fixed once its session is up
 * (addresses, ASNs, timers proposed in OPEN, capabilities), as one stable string. On SIGHUP
 * the daemon keeps a session whose key is unchanged and only re-sends its routes; any
 * change here needs a reset, because OPEN parameters cannot be renegotiated (RFC 4271 §4.2).
 */
import { familyKey, type Family } from '../wire/types';
import type { NeighborConfig } from './types';

const byFamily = (a: Family, b: Family): number => familyKey(a.afi, a.safi) - familyKey(b.afi, b.safi);

export function neighborSettingsKey(n: NeighborConfig): string {
  // Listed key by key (not a spread of n) so that adding a field to NeighborConfig is a conscious choice here.
  return JSON.stringify({
    peerAddress: n.peerAddress,
    peerPort: n.peerPort,
    localAddress: n.localAddress ?? null,
    localPort: n.localPort ?? null,
    localAs: n.localAs,
    peerAs: n.peerAs,
    routerId: n.routerId,
    holdTime: n.holdTime,
    connectRetry: n.connectRetry,
    delayOpen: n.delayOpen,
    passive: n.passive,
    families: [...n.families].sort(byFamily).map((f) => [f.afi, f.safi]),
    addPath: n.addPath ? [...n.addPath].sort(byFamily).map((f) => [f.afi, f.safi, f.mode]) : null,
    routeRefresh: n.routeRefresh,
    extendedMessage: n.extendedMessage,
    hostname: n.hostname ?? null,
    domainName: n.domainName ?? null,
    gracefulRestart: n.gracefulRestart ?? null,
    // RFC 8950 capability 5 is in the OPEN; RFC 7311 AIGP_SESSION decides how the session codes attribute 26.
    extendedNextHop: n.extendedNextHop ? [...n.extendedNextHop].sort(byFamily).map((f) => [f.afi, f.safi, f.nextHopAfi]) : null,
    aigp: n.aigp ?? null,
    // The NLRI wire form of IPv6 FlowSpec offsets: the session must decode what it sent with.
    flowIpv6Offset: n.flowIpv6Offset,
    // flowValidate is left out on purpose: it decides which received rules are reported, not
    // anything negotiated, and a reload that flips it revalidates the rules held (no reset).
    // Whether sessions send the Adj-RIB-Out itself or a post-policy copy of it: changing the
    // policies keeps the session, adding the first or removing the last does not.
    exportPolicies: n.export.length > 0,
  });
}
