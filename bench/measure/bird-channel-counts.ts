/**
 * Route counts of a BIRD protocol with several channels (IPv4 and IPv6 unicast on one session),
 * read from its control-socket answers.
 */

/** The sum of every channel's "Routes: N imported" in `show protocols all <name>`, or undefined when none is shown. */
export function sumImportedRoutes(showProtocolsAll: string): number | undefined {
  const counts = [...showProtocolsAll.matchAll(/Routes:\s+(\d+) imported/g)].map((m) => Number(m[1]));
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

/**
 * Routes per table from `show route count protocol <name>` with several tables:
 * "16279 of 16279 routes for 16279 networks in table master4" → master4: 16279. A table without
 * routes from the protocol is not listed by BIRD; it reads as 0.
 */
export function routeCountsByTable(showRouteCount: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of showRouteCount.matchAll(/(\d+) of \d+ routes for \d+ networks in table (\S+)/g)) out.set(m[2]!, Number(m[1]));
  return out;
}
