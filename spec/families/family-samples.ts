/**
 * What each family's folder under spec/families/ provides to the conformance spec: a few NLRI in
 * canonical text form, chosen to reach the edges of its encoding (empty and full lengths, odd bit
 * counts, the largest values). The conformance spec finds them by the family's name ("ipv4 unicast"
 * -> spec/families/ipv4-unicast/samples.ts), so adding a family adds no line outside its folders.
 */
export interface FamilySamples {
  /** Canonical texts (formatText of parseText of each is itself). */
  readonly texts: readonly string[];
  /** A next hop the family accepts for an announcement, or undefined when it has none ('none' form). */
  readonly nextHop?: readonly string[];
}
