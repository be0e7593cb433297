/**
 * The (AFI, SAFI) → descriptor lookup, built once from an explicit array (STYLE.md "Codec
 * registry": no registration by import side effect; a family listed twice throws).
 */
import { buildNlriRegistry } from '../wire/nlri';
import type { NlriCodecs } from '../wire/nlri/nlri-codec';
import { familyKey } from '../wire/types';
import type { AnyFamily, FamilyParse, FamilyWireOptions, RouteGrammar } from './family-descriptor';

export interface FamilyRegistry {
  /** Every family, in the order listed. */
  readonly all: readonly AnyFamily[];
  /** The descriptor of (afi, safi), or undefined when rxbgp does not carry that family. */
  get(afi: number, safi: number): AnyFamily | undefined;
  /** The descriptor by ExaBGP's name ("ipv4 unicast"), or undefined. */
  byName(name: string): AnyFamily | undefined;
  /** The route grammar behind `announce <word> route` ("flow"), or undefined. */
  grammar(word: string): RouteGrammar | undefined;
  /** The grammar whose JSON-config list is under this neighbor key ("flows"), or undefined. */
  configGrammar(key: string): RouteGrammar | undefined;
  /** The words grammar() knows, for "did you mean" answers. */
  readonly grammarWords: readonly string[];
  /** The words some family reads after a prefix in `announce route` (RouteQualifiers). */
  readonly qualifierWords: ReadonlySet<string>;
  /** The config keys beside a route's "prefix" that some family reads, and the word each stands for. */
  readonly qualifierConfigKeys: ReadonlyMap<string, string>;
  /**
   * The family and NLRI of `announce route <prefix> <qualifiers>`: the first family of the prefix's
   * AFI whose RouteQualifiers take these words, or undefined when none does.
   */
  qualifiedRoute(afi: number, prefix: string, qualifiers: ReadonlyMap<string, readonly string[]>, withdraw?: boolean): { readonly family: AnyFamily; readonly nlri: FamilyParse<unknown> } | undefined;
  /**
   * The family and NLRI of a route given with no family and no qualifier words, when a family takes
   * such routes (RouteQualifiers.implicit: an IPv4 prefix in 224.0.0.0/4 is multicast), else undefined.
   */
  implicitRoute(afi: number, prefix: string, withdraw?: boolean): { readonly family: AnyFamily; readonly nlri: FamilyParse<unknown> } | undefined;
  /** The family whose prefix-less routes follow `announce <word>` (RouteQualifiers.word: "vpls"), or undefined. */
  wordFamily(word: string): AnyFamily | undefined;
  /** The words wordFamily() knows, for "did you mean" answers. */
  readonly familyWords: readonly string[];
  /** The wire codecs of every family, for CodecContext.nlri. */
  readonly nlri: NlriCodecs;
  /** The wire codecs for a neighbor with these options (`nlri` itself when they change nothing). */
  nlriWith(options: FamilyWireOptions): NlriCodecs;
}

export function buildFamilyRegistry(families: readonly AnyFamily[]): FamilyRegistry {
  const byKey = new Map<number, AnyFamily>();
  const byName = new Map<string, AnyFamily>();
  const grammars = new Map<string, RouteGrammar>();
  for (const family of families) {
    const key = familyKey(family.afi, family.safi);
    const known = byKey.get(key) ?? byName.get(family.name);
    if (known) throw new Error(`family ${family.name} (AFI ${family.afi} / SAFI ${family.safi}) registered twice (already as ${known.name})`);
    if (family.wire.afi !== family.afi || family.wire.safi !== family.safi) {
      throw new Error(`family ${family.name}: its wire codec is for AFI ${family.wire.afi} / SAFI ${family.wire.safi}`);
    }
    byKey.set(key, family);
    byName.set(family.name, family);
    const grammar = family.routeGrammar;
    if (grammar) {
      const other = grammars.get(grammar.word);
      if (other && other !== grammar) throw new Error(`family ${family.name}: a second route grammar for "${grammar.word}"`);
      grammars.set(grammar.word, grammar);
    }
  }
  const nlri = buildNlriRegistry(families.map((f) => f.wire));
  const qualified = families.filter((f) => f.routeQualifiers);
  const byWord = new Map<string, AnyFamily>();
  for (const family of qualified) {
    const word = family.routeQualifiers!.word;
    if (word === undefined) continue;
    if (byWord.has(word) || grammars.has(word)) throw new Error(`family ${family.name}: a second family for "announce ${word}"`);
    byWord.set(word, family);
  }
  const implicit = qualified.filter((f) => f.routeQualifiers!.implicit);
  const noWords: ReadonlyMap<string, readonly string[]> = new Map();
  const qualifierWords = new Set(qualified.flatMap((f) => f.routeQualifiers!.words));
  const qualifierConfigKeys = new Map(qualified.flatMap((f) => Object.entries(f.routeQualifiers!.configKeys)));
  return {
    all: families,
    get: (afi, safi) => byKey.get(familyKey(afi, safi)),
    byName: (name) => byName.get(name),
    grammar: (word) => grammars.get(word),
    configGrammar: (key) => [...grammars.values()].find((g) => g.config?.key === key),
    grammarWords: [...grammars.keys()],
    qualifierWords,
    qualifierConfigKeys,
    qualifiedRoute(afi, prefix, qualifiers, withdraw) {
      for (const family of qualified) {
        if (family.afi !== afi) continue;
        const parsed = family.routeQualifiers!.nlri(prefix, qualifiers, false, withdraw);
        if (parsed) return { family, nlri: parsed };
      }
      return undefined;
    },
    wordFamily: (word) => byWord.get(word),
    familyWords: [...byWord.keys()],
    implicitRoute(afi, prefix, withdraw) {
      for (let i = 0; i < implicit.length; i++) {
        const family = implicit[i];
        if (family.afi !== afi) continue;
        const parsed = family.routeQualifiers!.nlri(prefix, noWords, false, withdraw);
        if (parsed) return { family, nlri: parsed };
      }
      return undefined;
    },
    nlri,
    nlriWith(options) {
      const codecs = families.map((f) => f.wireWith?.(options) ?? f.wire);
      return codecs.every((c, i) => c === families[i].wire) ? nlri : buildNlriRegistry(codecs);
    },
  };
}
