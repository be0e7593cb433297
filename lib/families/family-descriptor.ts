/**
 * One address family (AFI, SAFI) as every layer above wire sees it (DESIGN.md "Families: one
 * descriptor per (AFI, SAFI)"). A family is a folder under lib/families/ exporting one
 * FamilyDescriptor, listed once in lib/families/index.ts; the RIBs, session, API, policy,
 * sinks and MRT ask the descriptor instead of naming a family.
 *
 * Lists, not items: the message model keeps the NLRI of one UPDATE as one list (NlriSource:
 * `prefixes` with parallel `pathIds`, plus whatever compact form the family hides behind them,
 * e.g. packed IPv4 numbers). Everything that runs once per NLRI on a hot path (wire coding, RIB
 * keys, JSON and text events) takes a whole list, so the per-NLRI loop is inside the family's
 * own code and not an interface call per prefix. Per-item calls (nlriAt, ribKey, formatText,
 * policyView) are for commands, config and policies, which handle few routes or pay per route anyway.
 *
 * Families whose NLRI are not prefixes (FlowSpec, lib/families/flow over the codec in
 * lib/families/flowspec) fit the same shape: `prefixes` holds each NLRI's canonical text (what logs,
 * Kafka keys and RIB text keys read) and the family keeps its decoded values behind them, as IPv4
 * unicast keeps packed numbers (nlriAt reads them). Its wire codec wraps decodeFlowNlri /
 * encodeFlowRule and reports malformed NLRI as the run's `malformed` (treat-as-withdraw);
 * nextHop.form is 'none'; parseText takes the match part of a flow route, while the `then` actions
 * (extended communities) and `rd` still need a hook beside parseText when the route commands move
 * onto descriptors.
 */
import type { Afi, Safi } from '../wire/iana';
import type { NlriCodec, NlriSource } from '../wire/nlri/nlri-codec';
import type { PathAttributes } from '../wire/types';

/** Parsing a text or config value: the value, or what is wrong with it (the caller adds where). */
export type FamilyParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * RFC 4760 §3 "Network Address of Next Hop", as the family defines it. The wire codec enforces
 * the lengths; these rules serve commands and config before anything is encoded.
 */
export interface NextHopRule {
  /**
   * 'address': one IP address, or for IPv6 a global and a link-local one (RFC 2545 §3);
   * 'none': the family has no next hop (a zero-length field on the wire, as FlowSpec sends it);
   * 'rd-address': an address after an all-zero route distinguisher (VPN families, RFC 4364 §4.3.2).
   */
  readonly form: 'address' | 'none' | 'rd-address';
  /** The address families a next hop may be in, the first being what `next-hop self` resolves to. */
  readonly afis: readonly Afi[];
  /** What an announcement that names no next hop gets, if the family has a default. */
  readonly fallback?: string;
  /** What is wrong with these next hops for an announcement of this family, or undefined. */
  check(nextHop: readonly string[]): string | undefined;
}

/**
 * One route read by a family's own command grammar (`announce flow route { match { ... } then { ... } }`):
 * the NLRI, its canonical text, and the attributes the command's words make (FlowSpec actions are
 * extended communities). The command layer completes the attributes (ORIGIN, AS_PATH) as for any route.
 */
export interface FamilyRoute<Nlri = unknown> {
  readonly afi: Afi;
  readonly safi: Safi;
  readonly nlri: Nlri;
  /** The family's canonical text of the NLRI (formatText), what the RIBs key it by. */
  readonly text: string;
  readonly attributes: PathAttributes;
  /** An address or "self" when the command names one; else the family's rule applies (none for FlowSpec). */
  readonly nextHop?: string;
  /** ExaBGP `route NAME { ... }`. */
  readonly name?: string;
  /**
   * For a grammar with `attributeWords`: the column of `line` where the route's own words end and
   * the route attributes begin (next-hop, extended-community, ...), which the command layer reads as
   * after `announce route <prefix>`; the line's length when there are none.
   */
  readonly attributesAt?: number;
}

/**
 * A family's own route grammar in the process API, for families whose routes are not
 * `<prefix> <attributes>`: `announce <word> route ...` and `announce <afi> <safi-name> ...`.
 * Families sharing a word (ipv4 flow, ipv6 flow, their -vpn forms) share one grammar, which tells
 * the family from the route (an IPv6 prefix, an rd).
 */
export interface RouteGrammar {
  /** ExaBGP's word after announce/withdraw ("flow"). */
  readonly word: string;
  /**
   * The route from column `from` of `line` to its end; `family` when the command named one
   * (`announce ipv6 flow ...`). Never throws; the error names the word and its column.
   */
  parse(line: string, from: number, family?: { readonly afi: Afi; readonly safi: Safi }): FamilyParse<FamilyRoute>;
  /** The JSON config's list of these routes per neighbor (`flows`), when the family has one. */
  readonly config?: RouteConfigForm;
  /**
   * True when parse reads only the route's own words and says where they end (FamilyRoute.attributesAt):
   * the command layer then reads the rest of the line as route attributes (EVPN). Without it the
   * grammar reads every word itself (FlowSpec's actions).
   */
  readonly attributeWords?: boolean;
  /**
   * The i-th of a run of distinct routes as tools send them (the text after `announce <word>
   * route `): the daemon warms its command path with them at start (lib/daemon/warm-up.ts), so
   * the first routes a helper sends do not run through code still being compiled.
   */
  example?(i: number): string;
}

/**
 * Words a family's routes take after the prefix in `announce route <prefix> ...` besides the
 * attribute words (ExaBGP's `rd`, `label`: configuration/static/__init__.py picks the family from
 * them). The command layer reads each such word with its value (one word, or a `[ ... ]` list) and
 * asks the families of the prefix's AFI that have this hook, in registry order, which one the route is.
 */
export interface RouteQualifiers<Nlri = unknown> {
  /** The words ("rd", "route-distinguisher", "label"). */
  readonly words: readonly string[];
  /**
   * The JSON config's keys beside a route's "prefix" for these words (camelCase after ExaBGP's
   * keywords): config key -> word, `{ "rd": "rd", "labels": "label" }`. A key's value is a string or
   * number (one word) or a list of them (the words of `[ ... ]`).
   */
  readonly configKeys: Readonly<Record<string, string>>;
  /**
   * The NLRI of `prefix` (canonical prefix text of the family's AFI) with these words and their
   * values, an error, or undefined when the words do not make a route of this family (ExaBGP: an rd
   * makes an L3VPN route, a label without one a labeled unicast route). `named`: the command named
   * this family (`announce ipv4 mpls-vpn ...`), so the words must make one of its routes or say why not.
   * `withdraw`: a withdrawal, which names the route and may leave out what only an announcement
   * needs (an L3VPN route's labels: RFC 8277 §2.4).
   */
  nlri(prefix: string, qualifiers: ReadonlyMap<string, readonly string[]>, named?: boolean, withdraw?: boolean): FamilyParse<Nlri> | undefined;
  /**
   * Set when the family may also take a route given with none of its words: `nlri` is then asked
   * with no qualifiers for every prefix of its AFI that names no family (ExaBGP 4.2's IP.tosafi():
   * `announce route 232.1.1.0/24 ...` is an IPv4 multicast route), so it must answer fast.
   */
  readonly implicit?: boolean;
  /**
   * Set when the family's routes have no prefix: `announce <word> <qualifiers> <attributes>`
   * (ExaBGP's `announce vpls rd 65000:1 endpoint 1 ... next-hop 192.0.2.1 origin igp`). The command
   * layer reads the qualifier words and the attribute words in any order, then asks `nlri` with
   * prefix "" and `named` set.
   */
  readonly word?: string;
}

/** A failed config decode: `path` is relative to the item ("match.destinationPort[1]", "" for the item itself). */
export type FamilyConfigParse = { readonly ok: true; readonly value: FamilyRoute } | { readonly ok: false; readonly path: string; readonly error: string };

/** How routes of a grammar family are written in the JSON config (camelCase objects), both ways. */
export interface RouteConfigForm {
  /** The neighbor key holding the list ("flows"). */
  readonly key: string;
  /** What one item is, for messages ("a FlowSpec rule like { \"match\": { ... }, \"then\": { ... } }"). */
  readonly what: string;
  /** What the list is, for messages ("a list of FlowSpec rules"). */
  readonly list: string;
  /**
   * True when an item holds route attributes under the keys a route of `routes` has (nextHop,
   * extendedCommunities, ...), which lib/config reads; decode then gets the item without them.
   */
  readonly attributeKeys?: boolean;
  decode(value: unknown): FamilyConfigParse;
  /** The config form of a route (decode reads it back), for `rxbgp config` output. */
  encode(route: FamilyRoute): unknown;
}

/**
 * Per-neighbor choices of wire form, where routers disagree with the RFC (a neighbor's config).
 * `flowIpv6Offset`: RFC 8956 §3.1's pattern after the offset (default), or the whole prefix, the
 * form ExaBGP 4.2, GoBGP and FRR use (docs/flowspec.md#routers).
 */
export interface FamilyWireOptions {
  readonly flowIpv6Offset?: 'rfc8956' | 'whole-prefix';
}

/**
 * RFC 8955 §6 validation of received routes of one family against the routes of another (IPv4
 * FlowSpec against IPv4 unicast): what the daemon's validator (lib/daemon/flow-validation) needs
 * to know without naming the family.
 */
export interface FamilyValidation<Nlri> {
  /** The family whose routes decide (IPv4 / IPv6 unicast): its NLRI are prefix texts. */
  readonly against: { readonly afi: Afi; readonly safi: Safi };
  /**
   * The destination prefix a route is about, as a prefix text of `against` ("192.0.2.0/24"), or
   * undefined when it has none the check can use (RFC 8955 §6 rule a).
   */
  destination(nlri: Nlri): string | undefined;
}

/** What a policy helper sees of one prefix NLRI (IPv4 / IPv6 unicast and, later, labeled or VPN prefixes). */
export interface PrefixView {
  readonly kind: 'prefix';
  readonly afi: Afi;
  /** Canonical text, "10.0.0.0/24". */
  readonly prefix: string;
  readonly length: number;
  /** IPv4: the network address as a uint32; -1 for other address families. */
  readonly ipv4: number;
}

/**
 * `Nlri`: the value of one NLRI (IP unicast: canonical prefix text). `View`: what policies see.
 * `Key`: the RIB key, a number where the family can pack an NLRI into one (IPv4), else a string.
 */
export interface FamilyDescriptor<Nlri, View extends { readonly kind: string } = { readonly kind: string }, Key extends number | string = number | string> {
  readonly afi: Afi;
  readonly safi: Safi;
  /** ExaBGP's name ("ipv4 unicast"): the config's `families`, the JSON's family keys, the text API. */
  readonly name: string;

  // ---------------------------------------------------------------- wire (lib/wire, batch)
  /** Decodes and encodes whole NLRI fields, ADD-PATH ids included; reaches wire through CodecContext.nlri. */
  readonly wire: NlriCodec;

  /**
   * Optional: the wire codec for a neighbor whose config asks for a variant (FamilyWireOptions);
   * `wire` when the options do not concern this family.
   */
  wireWith?(options: FamilyWireOptions): NlriCodec;

  // ---------------------------------------------------------------- values
  /** The NLRI at index i of a list (made on demand for compact lists). */
  nlriAt(list: NlriSource, i: number): Nlri;

  // ---------------------------------------------------------------- RIB
  /**
   * The RIB keys of a whole list, parallel to it: numbers where the family packs its NLRI into
   * one (IPv4: address * 64 + length, no text made), else canonical strings. Path ids are not
   * part of the key; the RIB pairs them itself (RFC 7911).
   */
  ribKeys(list: NlriSource): ArrayLike<Key>;
  /**
   * 'number' when ribKeys gives numbers (the RIB then holds the family in a typed-array table); a
   * numeric key below 0 means the NLRI has none (its text is not canonical) and is kept by text.
   */
  readonly ribKeyKind: 'number' | 'string';
  /** The RIB key of one NLRI, equal to what ribKeys gives for it. */
  ribKey(nlri: Nlri): Key;
  /** The NLRI a RIB key stands for (ribKey's inverse), for listings. */
  nlriOfKey(key: Key): Nlri;
  /**
   * A list holding the NLRI of these keys, in order, built onto `head` (afi, safi, next hop…):
   * how a RIB hands what it holds back to the packer and policies, in the family's compact form
   * (IPv4: packed, no text made).
   */
  listOfKeys<T extends object>(head: T, keys: ArrayLike<Key>): T & NlriSource;
  /**
   * Optional: gives a list head (afi, safi, next hop…) these values as its NLRI, so the encoder,
   * counts and views read them, and `prefixes` is their text made on first read (FlowSpec: a helper
   * sends 100 k rules; printing each costs a microsecond that nothing may ever need).
   */
  attachNlri?<T extends object>(list: T, values: readonly Nlri[]): T & NlriSource;
  /**
   * Optional: the Adj-RIB-Out key of a route given by its text and, when the caller has it, its
   * value, for a family whose key is not the canonical text (FlowSpec: the NLRI octets, so a rule
   * read straight to octets needs no text). Without it, routes are keyed by their text.
   */
  routeKey?(route: { readonly prefix: string; readonly nlri?: unknown }): string;
  /**
   * Optional: what names a received route when a withdrawal may carry less of its NLRI than the
   * announcement did (RFC 8277 §2.4: a labeled withdrawal's label field is ignored, often 0x800000).
   * The Adj-RIB-In then finds the route a withdrawal removes, and the route a new announcement
   * replaces, by this key; without it, by the NLRI's text. The Adj-RIB-Out (keyed by routeKey, which
   * such a family makes the same) sends a route again when only the left-out part changed.
   */
  receivedKey?(nlri: Nlri): string;

  // ---------------------------------------------------------------- text (process API, `rxbgp encode`)
  /** One NLRI from its text form (the words after `announce route`, `withdraw flow route`, …). */
  parseText(text: string): FamilyParse<Nlri>;
  /** The canonical text of one NLRI (parseText reads it back). */
  formatText(nlri: Nlri): string;

  // ---------------------------------------------------------------- ExaBGP events (format 4.0.1)
  /** The JSON item of each NLRI of a list, in order (`{ "nlri": "10.0.0.0/24" }`, RFC 7911 path-information included). */
  exabgpJsonItems(list: NlriSource): string[];
  /** The text-encoder form of each NLRI of a list, in order (`10.0.0.0/24 path-information 0.0.0.1`). */
  exabgpTextItems(list: NlriSource): string[];
  /**
   * Optional: the text-encoder form of each announced NLRI with its next hop in place, for a family
   * whose text has words after the next hop (L3VPN, IPVPN.extensive(): "10.0.0.0/25 label 1000
   * next-hop 192.0.2.1 rd 65000:1"). Without it: the exabgpTextItems item, then " next-hop X".
   */
  exabgpTextItemsWithNextHop?(list: NlriSource, nextHop: string): string[];

  // ---------------------------------------------------------------- JSON config
  /** One NLRI from the config (`routes[i].prefix`, `flows[i]`); the error says what, the caller where. */
  decodeConfig(value: unknown): FamilyParse<Nlri>;
  /** The config form of one NLRI (decodeConfig reads it back), for `rxbgp config` output and reload diffs. */
  encodeConfig(nlri: Nlri): unknown;

  // ---------------------------------------------------------------- next hop, policy
  readonly nextHop: NextHopRule;
  /** What policy helpers see of one NLRI. */
  policyView(nlri: Nlri): View;

  // ---------------------------------------------------------------- commands
  /** Set when the family's routes have a grammar of their own (FlowSpec); prefix families use `announce route`. */
  readonly routeGrammar?: RouteGrammar;

  /** Set when the family's routes are `announce route <prefix> <qualifiers> ...` (labeled, VPN prefixes). */
  readonly routeQualifiers?: RouteQualifiers<Nlri>;

  // ---------------------------------------------------------------- validation on receive
  /** Set when a neighbor may validate received routes of this family (FlowSpec, RFC 8955 §6). */
  readonly validation?: FamilyValidation<Nlri>;
}

/** Any descriptor, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFamily = FamilyDescriptor<any, { readonly kind: string }, number | string>;
