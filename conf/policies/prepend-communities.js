/**
 * Prepends the AS path and sets communities by prefix list: the usual way to steer traffic
 * (a longer path is less preferred, RFC 4271 §9.1.2.2) and to tag routes for the routers behind.
 *
 * options: {
 *   "asn": 65001,            the AS to prepend (default: the neighbor's local AS)
 *   "rules": [ { "prefixes": ["203.0.113.0/24 le 32"], "prepend": 2,
 *                "communities": ["65001:100", "no-export"], "largeCommunities": ["65001:1:2"] } ]
 * }
 * The first rule whose prefix list matches a route applies; routes no rule matches pass as they
 * are. A rule without prepend or communities is an exception: its routes pass unchanged.
 */
const { routeAttributes, PrefixList, iana } = require('rxbgp');
const { checkObject, numberOption, optionError, stringListOption } = require('./shared/options');

const AS_SEQUENCE = iana.AsPathSegmentType.AS_SEQUENCE;
const RULE_KEYS = ['prefixes', 'prepend', 'communities', 'largeCommunities'];
/** "no-export" -> 0xFFFFFF01, from the IANA table (RFC 1997, 3765, 7611, 7999, 8326). */
const WELL_KNOWN = new Map(Object.entries(iana.WellKnownCommunity).map(([name, value]) => [name.toLowerCase().replace(/_/g, '-'), value]));

module.exports = (options = {}, context) => {
  checkObject(options, '', ['asn', 'rules']);
  const asn = numberOption(options, 'asn', 'asn', { min: 1, max: 0xffffffff, integer: true, fallback: context?.neighbor?.localAs });
  if (!Array.isArray(options.rules) || options.rules.length === 0) throw optionError('rules', 'a list of at least one rule', options.rules);
  const rules = options.rules.map((rule, i) => readRule(rule, `rules[${i}]`));
  // Per rule, the attributes it made from each input attributes object: routes that shared
  // attributes share the changed ones too, so they stay one batch (routeAttributes groups by object).
  const changed = rules.map(() => new WeakMap());
  return routeAttributes((route) => {
    for (let r = 0; r < rules.length; r++) {
      if (!rules[r].prefixes.matches(route)) continue;
      const input = route.attributes;
      let output = changed[r].get(input);
      if (output === undefined) changed[r].set(input, (output = applyRule(input, rules[r], asn)));
      return output;
    }
    return route.attributes;
  });
};

function readRule(rule, path) {
  checkObject(rule, path, RULE_KEYS);
  const entries = stringListOption(rule, 'prefixes', `${path}.prefixes`, { minItems: 1 });
  let prefixes;
  try {
    prefixes = PrefixList.parse(entries);
  } catch (e) {
    throw new Error(`options.${path}.prefixes: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A segment holds at most 255 ASes; nobody means to prepend more than that.
  const prepend = numberOption(rule, 'prepend', `${path}.prepend`, { min: 0, max: 255, integer: true, fallback: 0 });
  const communities = stringListOption(rule, 'communities', `${path}.communities`, { fallback: [] }).map((text, i) =>
    parseCommunity(text, `${path}.communities[${i}]`),
  );
  const largeCommunities = stringListOption(rule, 'largeCommunities', `${path}.largeCommunities`, { fallback: [] }).map((text, i) =>
    parseLargeCommunity(text, `${path}.largeCommunities[${i}]`),
  );
  return { prefixes, prepend, communities, largeCommunities };
}

/** RFC 1997: "AS:value" (each 0..65535) as AS << 16 | value, a well-known name, or a plain uint32. */
function parseCommunity(text, path) {
  const named = WELL_KNOWN.get(text.toLowerCase());
  if (named !== undefined) return named;
  const m = /^(\d{1,5}):(\d{1,5})$/.exec(text);
  if (m && Number(m[1]) <= 0xffff && Number(m[2]) <= 0xffff) return (Number(m[1]) * 0x10000 + Number(m[2])) >>> 0;
  if (/^\d{1,10}$/.test(text) && Number(text) <= 0xffffffff) return Number(text);
  throw optionError(path, `a community "AS:value" (each 0..65535), a uint32 or one of ${[...WELL_KNOWN.keys()].join(', ')}`, text);
}

/** RFC 8092: "global:local1:local2", each 0..4294967295. */
function parseLargeCommunity(text, path) {
  const parts = text.split(':');
  if (parts.length === 3 && parts.every((p) => /^\d{1,10}$/.test(p) && Number(p) <= 0xffffffff)) return parts.map(Number);
  throw optionError(path, 'a large community "global:local1:local2" (each 0..4294967295)', text);
}

/** The attributes with the rule applied; the same object when the rule changes nothing. */
function applyRule(input, rule, asn) {
  const out = { ...input };
  let changes = false;
  if (rule.prepend > 0) {
    out.asPath = prepended(input.asPath ?? [], asn, rule.prepend);
    // The received AS4_PATH no longer describes the path; asPath already holds the merged
    // 4-octet path (RFC 6793 §4.2.3) and the encoder makes AS4_PATH again for a 2-octet peer.
    delete out.as4Path;
    changes = true;
  }
  const communities = withAdded(input.communities ?? [], rule.communities, (a, b) => a === b);
  if (communities.length > (input.communities?.length ?? 0)) {
    out.communities = communities;
    changes = true;
  }
  const large = withAdded(input.largeCommunities ?? [], rule.largeCommunities, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
  if (large.length > (input.largeCommunities?.length ?? 0)) {
    out.largeCommunities = large;
    changes = true;
  }
  return changes ? out : input;
}

/**
 * `count` copies of `asn` in front of the path: into its leading AS_SEQUENCE, or as a new one when
 * the path is empty or starts with a set or a confederation segment (RFC 4271 §5.1.2). A segment
 * longer than 255 ASes is split by the encoder.
 */
function prepended(asPath, asn, count) {
  const copies = new Array(count).fill(asn);
  const first = asPath[0];
  if (first && first.type === AS_SEQUENCE) return [{ type: AS_SEQUENCE, asns: [...copies, ...first.asns] }, ...asPath.slice(1)];
  return [{ type: AS_SEQUENCE, asns: copies }, ...asPath];
}

/** `list` with the `extra` values it does not hold yet appended (the same array when there are none). */
function withAdded(list, extra, same) {
  let out = list;
  for (const value of extra) {
    if (out.some((held) => same(held, value))) continue;
    if (out === list) out = [...list];
    out.push(value);
  }
  return out;
}
