/**
 * Tags what a peer sends: sets the MULTI_EXIT_DISC (RFC 4271 §5.1.4) and adds a community
 * (RFC 1997) to every route a batch announces. Per batch, not per route: the routes of one UPDATE
 * share their attributes, so the rewrite costs one lookup per batch whatever its size.
 *
 * options: { "med": 4242, "community": "64512:4242" } (either may be left out)
 * Attributes that already carry both come out unchanged, and so does their batch.
 */
const { mapAttributes } = require('rxbgp');

const UINT32 = 2 ** 32;

function medOption(value) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value >= UINT32) throw new Error(`options.med: an integer from 0 to ${UINT32 - 1}, got ${JSON.stringify(value)}`);
  return value;
}

/** "asn:value" (each 0–65535) as the 32-bit community, asn in the high half (RFC 1997). */
function communityOption(text) {
  if (text === undefined) return undefined;
  const m = /^(\d{1,5}):(\d{1,5})$/.exec(String(text));
  const asn = m ? Number(m[1]) : NaN;
  const value = m ? Number(m[2]) : NaN;
  if (!(asn <= 0xffff && value <= 0xffff)) throw new Error(`options.community: "asn:value" with each from 0 to 65535, got ${JSON.stringify(text)}`);
  return asn * 0x10000 + value;
}

module.exports = (options = {}) => {
  const med = medOption(options.med);
  const community = communityOption(options.community);
  // One output per input attributes object: routes that shared attributes still share them, and
  // a table's few hundred thousand interned sets give as many rewritten ones, not one per batch.
  const rewritten = new WeakMap();
  const rewrite = (attributes) => {
    const setMed = med !== undefined && attributes.med !== med;
    const addCommunity = community !== undefined && !(attributes.communities ?? []).includes(community);
    if (!setMed && !addCommunity) return attributes;
    const out = { ...attributes };
    if (setMed) out.med = med;
    if (addCommunity) out.communities = [...(attributes.communities ?? []), community];
    return out;
  };
  return mapAttributes((attributes) => {
    let out = rewritten.get(attributes);
    if (out === undefined) rewritten.set(attributes, (out = rewrite(attributes)));
    return out;
  });
};
