/**
 * From a well-formed config file (file-codec.ts) to the Config the daemon runs: defaults
 * applied, and the rules that span several keys checked, each error at the key to change.
 */
import { Afi, Origin, Safi } from '../wire/iana';
import { familyKey, type Family, type PathAttributes } from '../wire/types';
import { ipFamily } from '../wire/address';
import { fromValidationErrors, joinIndex, joinKey, type ConfigError } from './config-error';
import { formatFamily, parseFamily } from '../families/family-text';
import type { PrefixValue } from './scalar-codecs';
import { attributesOf } from './route-attribute-keys';
import type { WordRouteFile } from './word-route-codec';
import { routeListCodec, wordRouteLists, type ConfigFile, type MrtRoutesFile, type NeighborFile, type RouteFile, type RouteSetFile } from './file-codec';
import type { Config, ListenConfig, MrtRoutesConfig, NeighborConfig, RouteConfig, RouteSetConfig } from './types';
import { isAbsolute, resolve as resolvePath } from 'path';
import { resolveApi, resolveControl, resolveProcesses } from './resolve-api';
import { fileProblem } from './file-problem';
import { resolvePolicies, resolvePolicyNames } from './resolve-policies';
import { resolveSinks } from './resolve-sinks';
import { checkRouteOverlaps } from './route-overlaps';
import { FAMILY_REGISTRY, type AnyFamily, type FamilyRoute } from '../families';

export const DEFAULTS = {
  peerPort: 179, // RFC 4271 §8.2.1
  holdTime: 90, // RFC 4271 §10 suggests 90 s
  connectRetry: 5, // RFC 4271 §10 suggests 120 s; a test tool wants to retry sooner
  delayOpen: 0,
  passive: false,
  routeRefresh: true,
  extendedMessage: true,
  logLevel: 'info',
  eventsOutput: 'stdout',
} as const;

const afiName = (afi: number): string => (afi === Afi.IPV4 ? 'IPv4' : 'IPv6');

/** A neighbor's lists of family grammar routes ("flows", "evpn", ...: RouteGrammar.config), by key. */
function grammarLists(n: NeighborFile): Array<[string, readonly FamilyRoute[]]> {
  const out: Array<[string, readonly FamilyRoute[]]> = [];
  for (const word of FAMILY_REGISTRY.grammarWords) {
    const key = FAMILY_REGISTRY.grammar(word)?.config?.key;
    const routes = key === undefined ? undefined : (n as unknown as Record<string, readonly FamilyRoute[] | undefined>)[key];
    if (key !== undefined && routes) out.push([key, routes]);
  }
  return out;
}

/** A grammar route's attributes (FlowSpec actions) with ORIGIN and AS_PATH as every route has them (RFC 4271 §5.1). */
function completeRouteAttributes(a: PathAttributes): PathAttributes {
  return { origin: Origin.IGP, asPath: [], ...a };
}

/** Does a listener on `address` accept connections to `local` (or, without one, from a peer of this family)? */
function listenerCovers(listener: ListenConfig, local: string | undefined, peerAfi: number): boolean {
  // Linux's "::" listener is dual-stack, so it also takes IPv4 connections.
  if (listener.address === '::') return true;
  if (listener.address === '0.0.0.0') return peerAfi === Afi.IPV4;
  return local === undefined ? ipFamily(listener.address) === peerAfi : listener.address === local;
}

/** How many /length prefixes fit from `from` to the end of its address space. */
function prefixesLeft(from: PrefixValue): bigint {
  const bits = from.afi === Afi.IPV4 ? 32 : 128;
  const index = BigInt('0x' + from.address.toString('hex')) >> BigInt(bits - from.length);
  return (1n << BigInt(from.length)) - index;
}

class Resolver {
  readonly errors: ConfigError[] = [];

  private readonly processNames: string[];

  /**
   * `baseDir`: the config file's directory, against which relative helper and socket paths are
   * resolved. `configFile`: the file itself, which names the default control socket.
   */
  constructor(
    private readonly file: ConfigFile,
    private readonly baseDir: string | undefined,
    private readonly configFile?: string,
  ) {
    this.processNames = Object.keys(file.processes ?? {});
    this.policyNames = Object.keys(file.policies ?? {});
  }

  private readonly policyNames: string[];

  private readonly error = (path: string, message: string): void => {
    this.errors.push({ path, message });
  };

  run(): Config {
    const listen = this.listeners();
    const neighbors = this.file.neighbors.map((n, i) => this.neighbor(n, joinIndex('neighbors', i), listen));
    this.uniqueNeighbors(neighbors);
    return {
      listen,
      neighbors,
      log: { level: this.file.log?.level ?? DEFAULTS.logLevel },
      events: { output: this.file.events?.output ?? DEFAULTS.eventsOutput, format: this.file.events?.format ?? 'json' },
      processes: resolveProcesses(this.file.processes, this.baseDir),
      policies: resolvePolicies(this.file.policies, this.baseDir, this.error),
      sinks: resolveSinks(this.file.sinks, neighbors, this.baseDir, this.error),
      sources: (this.file.sources ?? []).map((src) => ({
        type: src.type,
        brokers: [...src.brokers],
        topic: src.topic,
        group: src.group,
        clientId: src.clientId ?? 'rxbgp',
        ...(src.replyTopic !== undefined ? { replyTopic: src.replyTopic } : {}),
      })),
      ...(this.file.metrics ? { metrics: { address: this.file.metrics.address ?? '127.0.0.1', port: this.file.metrics.port } } : {}),
      control: resolveControl(this.file.control, this.baseDir, this.error, this.configFile),
    };
  }

  private listeners(): ListenConfig[] {
    const listen = (this.file.listen ?? []).map((l) => ({ address: l.address, port: l.port }));
    const seen = new Map<string, number>();
    listen.forEach((l, i) => {
      const key = `${l.address} ${l.port}`;
      const first = seen.get(key);
      if (first !== undefined) this.error(joinIndex('listen', i), `duplicate listener: listen[${first}] is also ${l.address} port ${l.port}`);
      else seen.set(key, i);
    });
    return listen;
  }

  /** RFC 4271 §8: a connection is identified by its two addresses, so two neighbors may not share both. */
  private uniqueNeighbors(neighbors: NeighborConfig[]): void {
    const seen = new Map<string, number>();
    neighbors.forEach((n, i) => {
      const key = `${n.peerAddress} ${n.localAddress ?? '*'}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const local = n.localAddress === undefined ? 'no localAddress' : `localAddress ${n.localAddress}`;
        this.error(
          joinKey(joinIndex('neighbors', i), 'peerAddress'),
          `duplicate neighbor: neighbors[${first}] has the same peerAddress ${n.peerAddress} and ${local}`,
        );
      }
    });
  }

  private neighbor(n: NeighborFile, path: string, listen: ListenConfig[]): NeighborConfig {
    const peerAfi = ipFamily(n.peerAddress) ?? Afi.IPV4;
    if (n.localAddress !== undefined && ipFamily(n.localAddress) !== peerAfi) {
      this.error(
        joinKey(path, 'localAddress'),
        `expected an ${afiName(peerAfi)} address like peerAddress ${n.peerAddress}, got "${n.localAddress}"`,
      );
    }
    const localAs = n.localAs ?? this.file.localAs;
    if (localAs === undefined) this.error(joinKey(path, 'localAs'), 'missing: set localAs on the neighbor or at the top level');
    const localIpv4 = n.localAddress !== undefined && ipFamily(n.localAddress) === Afi.IPV4 && n.localAddress !== '0.0.0.0';
    const routerId = n.routerId ?? this.file.routerId ?? (localIpv4 ? n.localAddress : undefined);
    if (routerId === undefined) {
      this.error(
        joinKey(path, 'routerId'),
        'missing: set routerId on the neighbor or at the top level (only an IPv4 localAddress can stand in for it)',
      );
    }
    const passive = n.passive ?? DEFAULTS.passive;
    if (passive && !listen.some((l) => listenerCovers(l, n.localAddress, peerAfi))) {
      const wildcard = peerAfi === Afi.IPV4 ? '0.0.0.0 or ::' : '::';
      const wanted = n.localAddress === undefined ? `an ${afiName(peerAfi)} address or ${wildcard}` : `${n.localAddress} (or ${wildcard})`;
      this.error(
        joinKey(path, 'passive'),
        `a passive neighbor waits for its peer to connect, but no listener accepts its connection: add a listener on ${wanted} to "listen"`,
      );
    }

    const families = n.families ?? this.defaultFamilies(n, peerAfi);
    if (n.families) this.uniqueFamilies(n.families, joinKey(path, 'families'));
    const familyKeys = new Set(families.map((f) => familyKey(f.afi, f.safi)));
    const extendedNextHop = n.nexthop !== undefined ? this.nexthop(n.nexthop, joinKey(path, 'nexthop'), familyKeys) : undefined;
    const session = { peerAfi, families: familyKeys, explicitFamilies: n.families !== undefined, extendedNextHop };

    const out: NeighborConfig = {
      name: n.description ?? n.peerAddress,
      peerAddress: n.peerAddress,
      peerPort: n.peerPort ?? DEFAULTS.peerPort,
      localAs: localAs ?? 0,
      peerAs: n.peerAs,
      routerId: routerId ?? '',
      holdTime: n.holdTime ?? DEFAULTS.holdTime,
      connectRetry: n.connectRetry ?? DEFAULTS.connectRetry,
      delayOpen: n.delayOpen ?? DEFAULTS.delayOpen,
      passive,
      families,
      routeRefresh: n.routeRefresh ?? DEFAULTS.routeRefresh,
      extendedMessage: n.extendedMessage ?? DEFAULTS.extendedMessage,
      flowIpv6Offset: n.flowspec?.ipv6Offset ?? 'rfc8956',
      flowValidate: n.flowspec?.validate ?? false,
      routes: [
        ...(n.routes ?? []).map((r, j) => this.route(r, joinIndex(joinKey(path, 'routes'), j), session)),
        ...grammarLists(n).flatMap(([key, routes]) => this.grammarRoutes(routes, joinKey(path, key), session)),
        ...wordRouteLists(n).flatMap(({ key, family, routes }) => this.wordRoutes(family, routes, joinKey(path, key), session)),
      ],
      routeSets: (n.routeSets ?? []).map((s, j) => this.routeSet(s, joinIndex(joinKey(path, 'routeSets'), j), session)),
      mrtRoutes: (n.mrtRoutes ?? []).map((m, j) => this.mrtRoutes(m, joinIndex(joinKey(path, 'mrtRoutes'), j))),
      api: resolveApi(n.api, joinKey(path, 'api'), this.processNames, this.error),
      import: resolvePolicyNames(n.import, joinKey(path, 'import'), this.policyNames, this.error),
      export: resolvePolicyNames(n.export, joinKey(path, 'export'), this.policyNames, this.error),
    };
    if (n.description !== undefined) out.description = n.description;
    if (n.localAddress !== undefined) out.localAddress = n.localAddress;
    if (n.localPort !== undefined) out.localPort = n.localPort;
    if (n.hostname !== undefined) out.hostname = n.hostname;
    if (n.domainName !== undefined) out.domainName = n.domainName;
    if (n.gracefulRestart !== undefined) out.gracefulRestart = n.gracefulRestart;
    if (n.aigp !== undefined) out.aigp = n.aigp;
    if (extendedNextHop !== undefined) out.extendedNextHop = extendedNextHop;
    if (n.addPath !== undefined) out.addPath = this.addPath(n.addPath, joinKey(path, 'addPath'), familyKeys);
    this.uniqueRoutes(out.routes.slice(0, n.routes?.length ?? 0), joinKey(path, 'routes'));
    checkRouteOverlaps(n.routes ?? [], n.routeSets ?? [], path, this.error);
    return out;
  }

  /** Without "families": the session's own unicast family plus the family of every configured route. */
  private defaultFamilies(n: NeighborFile, peerAfi: number): Family[] {
    const afis = new Set<number>([peerAfi]);
    const qualified: Family[] = [];
    for (const r of n.routes ?? []) {
      const found = this.qualifiedFamily(r);
      if (!found) afis.add(r.prefix.afi);
      else if (!qualified.some((f) => f.afi === found.afi && f.safi === found.safi)) qualified.push({ afi: found.afi, safi: found.safi });
    }
    for (const s of n.routeSets ?? []) afis.add(s.prefixes.from.afi);
    const families: Family[] = [...afis].sort((a, b) => a - b).map((afi) => ({ afi, safi: Safi.UNICAST }));
    families.push(...qualified);
    for (const [, routes] of grammarLists(n)) for (const f of routes) if (!families.some((g) => g.afi === f.afi && g.safi === f.safi)) families.push({ afi: f.afi, safi: f.safi });
    for (const { family, routes } of wordRouteLists(n)) if (routes.length > 0) families.push({ afi: family.afi, safi: family.safi });
    return families;
  }

  /**
   * Routes of a family grammar (a neighbor's "flows"), already decoded by their family: checked
   * against the neighbor's families and for duplicates (the same rule twice), then kept as routes
   * (prefix = the rule's canonical text), so the Adj-RIB-Out and a reload treat them like any other.
   */
  private grammarRoutes(routes: readonly FamilyRoute[], path: string, session: Parameters<Resolver['family']>[4]): RouteConfig[] {
    const seen = new Map<string, number>();
    return routes.map((r, j) => {
      const at = joinIndex(path, j);
      const name = formatFamily(r.afi, r.safi);
      if (session.explicitFamilies && !session.families.has(familyKey(r.afi, r.safi))) {
        this.error(at, `${r.text} is an ${name} rule, but this neighbor's families do not include "${name}"`);
      }
      const first = seen.get(r.text);
      if (first !== undefined) this.error(at, `duplicate rule: ${joinIndex(path, first).replace(/^.*\./, '')} is the same ${name} rule (${r.text})`);
      else seen.set(r.text, j);
      // "" is no next hop (RFC 8955 §4); a redirect-to-nexthop rule names one, or "self".
      return { afi: r.afi, safi: r.safi, prefix: r.text, nextHop: r.nextHop ?? '', attributes: completeRouteAttributes(r.attributes) };
    });
  }

  /**
   * Routes of a family without prefixes (a neighbor's "vpls", "rtc": RouteQualifiers.word), their NLRI
   * already read by the family: checked against the neighbor's families, the family's next-hop rule
   * and for duplicates, then kept as routes (prefix = the NLRI's canonical text) like any other.
   */
  private wordRoutes(family: AnyFamily, routes: readonly WordRouteFile[], path: string, session: Parameters<Resolver['family']>[4]): RouteConfig[] {
    const seen = new Map<string, number>();
    return routes.map((r, j) => {
      const at = joinIndex(path, j);
      const text = family.formatText(r.nlri);
      if (session.explicitFamilies && !session.families.has(familyKey(family.afi, family.safi))) {
        this.error(at, `${text} is an ${family.name} route, but this neighbor's families do not include "${family.name}"`);
      }
      const first = seen.get(text);
      if (first !== undefined) this.error(at, `duplicate route: ${joinIndex(path, first).replace(/^.*\./, '')} is the same ${family.name} route (${text})`);
      else seen.set(text, j);
      const a = r.attributes as RouteFile;
      const nextHop = a.nextHop ?? 'self';
      const wrong = nextHop === 'self' ? undefined : family.nextHop.check([nextHop]);
      if (wrong) this.error(joinKey(at, 'nextHop'), wrong);
      const out: RouteConfig = { afi: family.afi, safi: family.safi, prefix: text, nextHop, attributes: attributesOf(a) };
      if (a.pathId !== undefined) out.pathId = a.pathId;
      return out;
    });
  }

  private uniqueFamilies(families: Family[], path: string): void {
    const seen = new Set<number>();
    families.forEach((f, i) => {
      const key = familyKey(f.afi, f.safi);
      if (seen.has(key)) this.error(joinIndex(path, i), `duplicate family "${formatFamily(f.afi, f.safi)}"`);
      seen.add(key);
    });
  }

  /** RFC 8950: `nexthop` per family; each family must be one the neighbor carries. */
  private nexthop(nexthop: Record<string, 1 | 2 | undefined>, path: string, families: Set<number>): Array<Family & { nextHopAfi: number }> {
    const out: Array<Family & { nextHopAfi: number }> = [];
    for (const [name, nextHopAfi] of Object.entries(nexthop)) {
      const f = parseFamily(name);
      if (!f || nextHopAfi === undefined) continue;
      if (!families.has(familyKey(f.afi, f.safi))) this.error(joinKey(path, name), `extended next hop for "${name}", but that family is not in this neighbor's families`);
      out.push({ afi: f.afi, safi: f.safi, nextHopAfi });
    }
    return out;
  }

  private addPath(addPath: Record<string, number | undefined>, path: string, families: Set<number>): Array<Family & { mode: number }> {
    const out: Array<Family & { mode: number }> = [];
    for (const [name, mode] of Object.entries(addPath)) {
      const f = parseFamily(name);
      if (!f || mode === undefined) continue;
      if (!families.has(familyKey(f.afi, f.safi))) {
        this.error(joinKey(path, name), `ADD-PATH for "${name}", but that family is not in this neighbor's families`);
      }
      out.push({ afi: f.afi, safi: f.safi, mode });
    }
    return out;
  }

  /** Checks a route's family against the neighbor's families, and its next hop against its family. */
  private family(
    p: PrefixValue,
    hop: string,
    path: string,
    prefixKey: string,
    session: { peerAfi: number; families: Set<number>; explicitFamilies: boolean; extendedNextHop?: ReadonlyArray<Family & { nextHopAfi: number }> },
    qualified?: AnyFamily,
  ): void {
    const safi = qualified?.safi ?? Safi.UNICAST;
    const name = formatFamily(p.afi, safi);
    if (session.explicitFamilies && !session.families.has(familyKey(p.afi, safi))) {
      this.error(joinKey(path, prefixKey), `${p.text} is an ${name} route, but this neighbor's families do not include "${name}"`);
    }
    if (hop === 'self') {
      if (p.afi !== session.peerAfi) {
        this.error(
          joinKey(path, 'nextHop'),
          `"self" is the session's ${afiName(session.peerAfi)} local address, which cannot be the next hop of ` +
            `${afiName(p.afi)} prefix ${p.text}: give an explicit ${afiName(p.afi)} next hop`,
        );
      }
    } else if (ipFamily(hop) !== p.afi) {
      // RFC 8950: another address family's next hop where the neighbor's "nexthop" allows it.
      const hopAfi = ipFamily(hop);
      const allowed = session.extendedNextHop?.some((e) => e.afi === p.afi && e.safi === safi && e.nextHopAfi === hopAfi);
      if (!allowed) {
        const hint = p.afi === Afi.IPV4 && hopAfi === Afi.IPV6 ? ` (an IPv6 next hop needs "nexthop": { "${name}": "ipv6" }, RFC 8950)` : '';
        this.error(joinKey(path, 'nextHop'), `expected an ${afiName(p.afi)} next hop for ${p.text}, got "${hop}"${hint}`);
      }
    }
  }

  /** The family a route's qualifier keys make (labeled, VPN), for the default families; errors are reported by route(). */
  private qualifiedFamily(r: RouteFile): AnyFamily | undefined {
    const words = new Map<string, readonly string[]>();
    for (const [key, word] of FAMILY_REGISTRY.qualifierConfigKeys) {
      const value = (r as Record<string, unknown>)[key] as ReadonlyArray<string | number> | string | number | undefined;
      if (value !== undefined) words.set(word, Array.isArray(value) ? value.map(String) : [String(value)]);
    }
    return (words.size ? FAMILY_REGISTRY.qualifiedRoute(r.prefix.afi, r.prefix.text, words) : FAMILY_REGISTRY.implicitRoute(r.prefix.afi, r.prefix.text))?.family;
  }

  /** Routes for one resolved neighbor, checked as its "routes" would be (the library's announce). */
  routesFor(routes: readonly RouteFile[], path: string, n: NeighborConfig): RouteConfig[] {
    const session = { peerAfi: ipFamily(n.peerAddress) ?? Afi.IPV4, families: new Set(n.families.map((f) => familyKey(f.afi, f.safi))), explicitFamilies: true };
    return routes.map((r, i) => this.route(r, joinIndex(path, i), session));
  }

  private route(r: RouteFile, path: string, session: Parameters<Resolver['family']>[4]): RouteConfig {
    const nextHop = r.nextHop ?? 'self';
    const qualified = this.qualifiedRoute(r, path);
    this.family(r.prefix, nextHop, path, 'prefix', session, qualified?.family);
    const out: RouteConfig = qualified
      ? { afi: r.prefix.afi, safi: qualified.family.safi, prefix: qualified.text, nextHop, attributes: attributesOf(r) }
      : { afi: r.prefix.afi, safi: Safi.UNICAST, prefix: r.prefix.text, nextHop, attributes: attributesOf(r) };
    if (r.pathId !== undefined) out.pathId = r.pathId;
    return out;
  }

  /**
   * A route with a family's keys beside its prefix ("rd", "labels": FamilyDescriptor.routeQualifiers):
   * the family those keys make and the route's canonical text, or undefined for a unicast route.
   */
  private qualifiedRoute(r: RouteFile, path: string): { readonly family: AnyFamily; readonly text: string } | undefined {
    const words = new Map<string, readonly string[]>();
    const keys: string[] = [];
    for (const [key, word] of FAMILY_REGISTRY.qualifierConfigKeys) {
      const value = (r as Record<string, unknown>)[key] as ReadonlyArray<string | number> | string | number | undefined;
      if (value === undefined) continue;
      keys.push(key);
      words.set(word, Array.isArray(value) ? value.map(String) : [String(value)]);
    }
    const implicit = keys.length === 0 ? FAMILY_REGISTRY.implicitRoute(r.prefix.afi, r.prefix.text) : undefined;
    if (keys.length === 0 && !implicit?.nlri.ok) return undefined;
    const found = implicit ?? FAMILY_REGISTRY.qualifiedRoute(r.prefix.afi, r.prefix.text, words);
    if (!found) {
      this.error(joinKey(path, keys[0]), `no family rxbgp carries takes ${keys.join(' and ')} with the ${afiName(r.prefix.afi)} prefix ${r.prefix.text}`);
      return undefined;
    }
    if (!found.nlri.ok) {
      this.error(joinKey(path, keys[0]), found.nlri.error);
      return undefined;
    }
    return { family: found.family, text: found.family.formatText(found.nlri.value) };
  }

  /** The dump must be a readable file when the config is loaded; its records are read when the neighbor starts. */
  private mrtRoutes(m: MrtRoutesFile, path: string): MrtRoutesConfig {
    const file = this.baseDir !== undefined && !isAbsolute(m.file) ? resolvePath(this.baseDir, m.file) : m.file;
    const problem = fileProblem(file);
    if (problem) this.error(joinKey(path, 'file'), `cannot read the MRT dump "${file}": ${problem}`);
    return m.nextHop !== undefined ? { file, nextHop: m.nextHop } : { file };
  }

  private routeSet(s: RouteSetFile, path: string, session: Parameters<Resolver['family']>[4]): RouteSetConfig {
    const { from, count } = s.prefixes;
    const nextHop = s.nextHop ?? 'self';
    this.family(from, nextHop, path, 'prefixes', session);
    const left = prefixesLeft(from);
    if (BigInt(count) > left) {
      this.error(
        joinKey(joinKey(path, 'prefixes'), 'count'),
        `expected at most ${left} (the /${from.length} prefixes from ${from.text} to the end of the ${afiName(from.afi)} space), got ${count}`,
      );
    }
    return { afi: from.afi, safi: Safi.UNICAST, from: from.text, length: from.length, count, nextHop, attributes: attributesOf(s) };
  }

  private uniqueRoutes(routes: RouteConfig[], path: string): void {
    const seen = new Map<string, number>();
    routes.forEach((r, j) => {
      const key = `${r.prefix} ${r.pathId ?? ''}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, j);
      else {
        const withId = r.pathId === undefined ? '' : ` with pathId ${r.pathId}`;
        this.error(joinKey(joinIndex(path, j), 'prefix'), `duplicate route: routes[${first}] also announces ${r.prefix}${withId}`);
      }
    });
  }
}

/**
 * Applies defaults and cross-key rules; the Config is meaningful only when errors is empty.
 * Without `baseDir` (no file), relative paths are kept as written.
 */
export function resolveConfig(file: ConfigFile, baseDir?: string, configFile?: string): { config: Config; errors: ConfigError[] } {
  const resolver = new Resolver(file, baseDir, configFile);
  const config = resolver.run();
  return { config, errors: resolver.errors };
}

/**
 * Routes given as config JSON (a list of what a neighbor's "routes" holds) for one neighbor:
 * decoded and checked as they would be in the config, errors under `path` ("routes[0].nextHop").
 */
export function resolveRoutes(json: unknown, neighbor: NeighborConfig, path = 'routes'): { routes: RouteConfig[]; errors: ConfigError[] } {
  const shaped = routeListCodec.decode(json);
  if (shaped._tag === 'Left') {
    return { routes: [], errors: fromValidationErrors(shaped.left).map((e) => ({ ...e, path: e.path ? `${path}${e.path.startsWith('[') ? '' : '.'}${e.path}` : path })) };
  }
  const resolver = new Resolver({ neighbors: [] }, undefined);
  const routes = resolver.routesFor(shaped.right, path, neighbor);
  return { routes, errors: resolver.errors };
}
