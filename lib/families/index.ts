/**
 * The address families rxbgp carries: one descriptor per (AFI, SAFI), each in its own folder,
 * listed once in FAMILIES below (DESIGN.md "Families"). Layer: imports lib/wire only.
 *
 * How the layers reach a family
 * - Wire (MP_REACH/MP_UNREACH, the packer) needs the NLRI codec but may not import families. The
 *   codec interface (NlriCodec, batch: one call per NLRI field or list) therefore lives in
 *   lib/wire/nlri/nlri-codec.ts, families implement it, and the registry is injected through
 *   CodecContext.nlri (FAMILY_REGISTRY.nlri), which already travels with every decode and encode.
 *   A context without it knows wire's own IPv4 and IPv6 unicast codecs: those stay in wire, as the
 *   classic NLRI / Withdrawn Routes fields of every UPDATE (RFC 4271 §4.3) need IPv4 unicast.
 * - Everything above wire asks FAMILY_REGISTRY.get(afi, safi) for the descriptor.
 *
 * Where a family is still named (inventory at the start of issue 12; move each onto the
 * descriptor, then strike it here):
 * - lib/wire/types.ts: NlriList.prefixes is string[] (a family with structured NLRI, FlowSpec,
 *   needs its values there too: hidden like packed IPv4, or a generic item array); `mp` flag and
 *   isClassic() are IPv4-unicast-only by RFC 4271 and stay.
 * - lib/wire/update.ts, update-pack.ts, attributes/mp-reach-nlri.ts (mpFlag): classic fields = IPv4
 *   unicast (RFC 4271, stays). lib/wire/family-names.ts: ExaBGP names of all families (to be read
 *   from the registry for carried families). lib/wire/end-of-rib.ts: IPv4 EoR is the empty UPDATE.
 * - lib/api/exabgp-json/update.ts and exabgp-text/update.ts: NLRI items come from the descriptor
 *   (lib/api/nlri-items.ts); left: the End-of-RIB default IPv4 unicast (RFC 4724 §2, stays) and the
 *   next-hop grouping, which assumes every family has next hops to group by.
 * - lib/api/commands/: route-command.ts, route-specs.ts, address-text.ts, split-prefix.ts (route text
 *   is an IPv4/IPv6 prefix; default next hop 0.0.0.0 / ::), eor-command.ts (default family).
 * - lib/api-runtime/route-text.ts, family-reach.ts, command-executor.ts: which families a command reaches.
 * - lib/families/family-text.ts (CONFIG_FAMILIES), lib/config/resolve-config.ts (routes get
 *   SAFI 1; default families from the peer address), scalar-codecs.ts, route-overlaps.ts (prefix maths).
 * - lib/rib/adj-rib-in.ts keys routes by the family's ribKeys (numeric families in a typed-array
 *   table, others by text). Left: adj-rib-out.ts (IPV4_UNICAST / IPV6_UNICAST special cases, packed
 *   API table), route-set.ts (generated IPv4 runs), ipv4-prefix-table.ts (hash tuned for packed IPv4).
 * - lib/policy/route-view.ts, batch-routes.ts, nlri-lists.ts, prefix-filters.ts, prefix-list.ts:
 *   `afi === Afi.IPV4` stands for "packed IPv4 unicast"; RouteView is a prefix view (the prefix
 *   helpers pass other families through). Routes of any family reach policies through the
 *   descriptor's policyView in lib/policy/family-routes.ts (flow-routes.ts for FlowSpec).
 * - lib/session/rib-sender.ts (packed lists, next-hop self by AFI), lib/speaker/speaker.ts (SAFI 1).
 * - lib/sinks/log-writer.ts, kafka-messages.ts: NLRI text through the family (nlri-text.ts); counting
 *   still by nlriCount (packed-ipv4.ts: packed length, else text length).
 * - lib/mrt/table-dump-v2.ts and table-dump-v2-writer.ts: every family through the registry (NLRI
 *   and next hops by its codec, RIB_GENERIC for any AFI/SAFI); left: the AFI/SAFI of the fixed
 *   subtypes 2–5 and 8–11 (RFC 6396 §4.3.2, RFC 8050 §4), the packed fast path of RIB_IPV4_UNICAST,
 *   and NEXT_HOP for the classic IPv4 unicast family (RFC 4271). bgp4mp-writer.ts: peer AFI only.
 * - lib/fsm/negotiate.ts: IPv4 unicast when no Multiprotocol capability (RFC 4760 §8, stays).
 * - lib/cli/commands/encode-updates.ts: next-hop self by AFI, `rxbgp encode` route text.
 *
 * FlowSpec for VPNs (SAFI 134, "ipv4 flow-vpn" / "ipv6 flow-vpn": lib/families/flow built with its
 * SAFI) needed nothing outside its folder but the line below.
 *
 * Sending FlowSpec added generic hooks any family with a grammar of its own uses: RouteGrammar on
 * the descriptor (`announce <word> route ...`, lib/api/commands/grammar-route-command.ts) with its
 * config form (a neighbor list, `flows`: lib/config/grammar-route-codec.ts + resolve-config.ts),
 * and "" as the next hop of a family without one (rib-sender, batch-routes, encode-updates).
 *
 * FlowSpec receive (lib/families/flow, "ipv4 flow" / "ipv6 flow"): besides its folder and the line
 * below, it needed lib/wire/nlri/nlri-codec.ts + lib/wire/update.ts (NlriRun.malformed: a family's
 * own treat-as-withdraw outcome, RFC 7606 §2) and lib/api-runtime/route-text.ts (no "next-hop" for a family
 * without one). The Adj-RIB-In keeps string-keyed families by the list's canonical text, not by
 * ribKeys (its text keys carry "#pathId"; FlowSpec's binary keys may hold "#").
 *
 * Labeled unicast and L3VPN (lib/families/labeled-prefix, "ipv4/ipv6 nlri-mpls" and "mpls-vpn";
 * the RD codec shared with flow-vpn in lib/families/route-distinguisher) added generic hooks:
 * RouteQualifiers (words beside the prefix in `announce route`, `rd` / `label`, and their config
 * keys beside "prefix": lib/api/commands/route-command.ts, route-specs.ts, lib/config/file-codec.ts,
 * resolve-config.ts), exabgpTextItemsWithNextHop (words after the next hop in text events:
 * lib/api/nlri-items.ts, exabgp-text/update.ts), NlriCodec.encodeRange's `withdrawn` flag (RFC 8277
 * §2.4: lib/wire/nlri/*, update-pack.ts, attributes/mp-unreach-nlri.ts), and the Adj-RIB-Out sends
 * a route again when its text changes under the same routeKey (a new label: lib/rib/adj-rib-out.ts),
 * and receivedKey: the Adj-RIB-In finds the route a withdrawal removes by prefix and RD whatever its
 * label field says (RFC 8277 §2.4, 0x800000 from FRR or BIRD: lib/rib/adj-rib-in.ts).
 *
 * EVPN (lib/families/evpn, "l2vpn evpn", RFC 7432 / RFC 9136; its own route grammar `announce evpn
 * route <type> ...` and config list "evpn") added generic hooks, 11 files outside its folder besides
 * the line below (lib/families/family-descriptor.ts for the hooks, flow/route-grammar.ts for its list text):
 * RouteGrammar.attributeWords / FamilyRoute.attributesAt (a grammar reads only its route's words and
 * the command layer reads the route attributes after them: lib/api/commands/grammar-route-command.ts),
 * `announce <afi> <safi> ...` for any family with a grammar (parse-command.ts), RouteConfigForm.list /
 * attributeKeys (every grammar's config list under its key, not only "flows", and route attribute keys
 * in its items read by lib/config: file-codec.ts, grammar-route-codec.ts, resolve-config.ts, the
 * attribute codecs moved to route-attribute-keys.ts), EVPN's extended communities in text
 * (lib/wire/extended-community-text.ts, lib/api/commands/community-words.ts), and the Adj-RIB-Out's
 * load() sending a route whose NLRI changed under the same key, as upsert() did (lib/rib/adj-rib-out.ts).
 *
 * Multicast (lib/families/multicast, "ipv4 multicast" / "ipv6 multicast", SAFI 2) is unicast's prefix
 * codec under SAFI 2 (malformed NLRI as treat-as-withdraw). ExaBGP 4.2 makes `announce route` of an
 * IPv4 prefix in 224.0.0.0/4 a multicast route; that needed RouteQualifiers.implicit and
 * registry.implicitRoute (a family taking routes given with no qualifier words), asked by
 * lib/api/commands/route-command.ts and lib/config/resolve-config.ts when no family is named.
 *
 * VPLS (lib/families/vpls, "l2vpn vpls") and RTC (lib/families/rtc, "ipv4 rtc") have no prefix; they
 * share lib/families/value-list (values behind canonical texts, one-pass codec with path ids and
 * `malformed`). They needed RouteQualifiers.word (`announce vpls <words> <attributes>`, `announce rtc
 * ...`: registry.wordFamily / familyWords, lib/api/commands/route-command.ts parseWordRouteCommand and
 * parse-command.ts, which no longer refuses `vpls`) and the config's lists under that word
 * ("vpls": [...], "rtc": [...]: lib/config/word-route-codec.ts, file-codec.ts, resolve-config.ts
 * wordRoutes and default families), the family's decodeConfig reading its keys beside the route
 * attribute keys; and lib/session/rib-sender.ts resolveNextHop: "self" for a family of another AFI
 * (L2VPN) is the session's own address, not an IPv4-mapped IPv6 one.
 *
 * MVPN (lib/families/mvpn, "ipv4 mcast-vpn" / "ipv6 mcast-vpn", RFC 6514 types 1-7; ExaBGP 5's
 * `announce ipv4 mcast-vpn source-join ...` and the config list "mvpn") used EVPN's hooks and needed,
 * besides its folder and the line below, only SAFI 5 in lib/wire/iana.ts and its name in
 * lib/wire/family-names.ts. It borrows EVPN's ExaBGP RD text (evpn/json.ts exabgpRd).
 */
import type { AnyFamily } from './family-descriptor';
import { evpnFamily } from './evpn';
import { ipv4FlowFamily, ipv4FlowVpnFamily, ipv6FlowFamily, ipv6FlowVpnFamily } from './flow';
import { ipv4UnicastFamily } from './ipv4-unicast';
import { ipv4LabeledFamily, ipv4VpnFamily, ipv6LabeledFamily, ipv6VpnFamily } from './labeled-prefix';
import { ipv6UnicastFamily } from './ipv6-unicast';
import { ipv4MulticastFamily, ipv6MulticastFamily } from './multicast';
import { ipv4McastVpnFamily, ipv6McastVpnFamily } from './mvpn';
import { buildFamilyRegistry, type FamilyRegistry } from './registry';
import { rtcFamily } from './rtc';
import { vplsFamily } from './vpls';

export type { AnyFamily, FamilyConfigParse, FamilyDescriptor, FamilyValidation, FamilyWireOptions, FamilyParse, FamilyRoute, NextHopRule, PrefixView, RouteConfigForm, RouteGrammar } from './family-descriptor';
export { buildFamilyRegistry, type FamilyRegistry } from './registry';
export { ipv4UnicastFamily } from './ipv4-unicast';
export { ipv6UnicastFamily } from './ipv6-unicast';
export { ipv4LabeledFamily, ipv4VpnFamily, ipv6LabeledFamily, ipv6VpnFamily, labeledFamily, type LabeledPrefix, type LabeledPrefixView } from './labeled-prefix';
export { evpnFamily, type EvpnRoute, type EvpnView } from './evpn';
export { ipv4MulticastFamily, ipv6MulticastFamily } from './multicast';
export { vplsFamily, type VplsNlri, type VplsView } from './vpls';
export { rtcFamily, type RtcNlri, type RtcView } from './rtc';
export { ipv4McastVpnFamily, ipv6McastVpnFamily, type MvpnRoute, type MvpnView } from './mvpn';
export { flowFamily, ipv4FlowFamily, ipv4FlowVpnFamily, ipv6FlowFamily, ipv6FlowVpnFamily, type FlowComponentName, type FlowPrefixView, type FlowView } from './flow';

/** Every family rxbgp carries. Adding one: its folder, and one line here. */
export const FAMILIES: readonly AnyFamily[] = [ipv4UnicastFamily, ipv6UnicastFamily, ipv4FlowFamily, ipv6FlowFamily, ipv4FlowVpnFamily, ipv6FlowVpnFamily, ipv4LabeledFamily, ipv6LabeledFamily, ipv4VpnFamily, ipv6VpnFamily, evpnFamily, ipv4MulticastFamily, ipv6MulticastFamily, vplsFamily, rtcFamily, ipv4McastVpnFamily, ipv6McastVpnFamily];

export const FAMILY_REGISTRY: FamilyRegistry = buildFamilyRegistry(FAMILIES);
