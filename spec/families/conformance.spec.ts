/**
 * The contract every family descriptor keeps (lib/families/family-descriptor.ts), checked on each
 * family of the registry with the samples of its spec folder: the forms of one NLRI (text, config,
 * wire with and without RFC 7911 path ids, RIB key, ExaBGP items) all agree and read each other back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FAMILIES, type AnyFamily } from '../../lib/families';
import { familyContext } from '../../lib/families/family-context';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import type { NlriSource } from '../../lib/wire/nlri';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import type { FamilySamples } from './family-samples';

function samplesOf(family: AnyFamily): FamilySamples {
  const file = path.join(__dirname, family.name.replace(/ /g, '-'), 'samples.ts');
  if (!fs.existsSync(file)) throw new Error(`family ${family.name} has no samples: add ${path.relative(process.cwd(), file)}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { samples: FamilySamples }).samples;
}

function valueOf(family: AnyFamily, text: string): unknown {
  const parsed = family.parseText(text);
  if (!parsed.ok) throw new Error(`${family.name}: sample "${text}" does not parse: ${parsed.error}`);
  return parsed.value;
}

/** Encodes a list whole, then decodes it back. */
function roundTrip(family: AnyFamily, list: NlriSource, addPath: boolean): NlriSource {
  const w = new Writer(16);
  const n = family.wire.count(list);
  expect(family.wire.encodeRange(w, list, addPath, 0, n, Infinity)).toBe(n);
  const bytes = Buffer.from(w.view());
  return family.wire.decodeField({}, bytes, 0, bytes.length, addPath);
}

describe.each(FAMILIES.map((f) => [f.name, f] as const))('family %s', (_name, family) => {
  const samples = samplesOf(family);
  const texts = samples.texts;
  const values = texts.map((t) => valueOf(family, t));

  it('has a wire codec of its own (AFI, SAFI) and name', () => {
    expect({ afi: family.wire.afi, safi: family.wire.safi, name: family.wire.name }).toEqual({ afi: family.afi, safi: family.safi, name: family.name });
  });

  it('reads back its text and config forms', () => {
    expect(values.map((v) => family.formatText(v))).toEqual(texts);
    for (const value of values) expect(family.decodeConfig(family.encodeConfig(value))).toEqual({ ok: true, value });
    expect(family.decodeConfig(Symbol('not config')).ok).toBe(false);
  });

  it('decodes what it encodes, with and without ADD-PATH path ids (RFC 7911)', () => {
    const plain = roundTrip(family, { prefixes: texts }, false);
    expect(family.wire.count(plain)).toBe(texts.length);
    expect(texts.map((_, i) => family.nlriAt(plain, i))).toEqual(values);
    expect(plain.pathIds).toBeUndefined();
    const pathIds = texts.map((_, i) => (i === 0 ? 0xffffffff : i));
    const withIds = roundTrip(family, { prefixes: texts, pathIds }, true);
    expect(texts.map((_, i) => family.nlriAt(withIds, i))).toEqual(values);
    expect(withIds.pathIds).toEqual(pathIds);
  });

  it('stops encoding at the limit without leaving part of an NLRI behind', () => {
    const one = new Writer(16);
    family.wire.encodeRange(one, { prefixes: texts }, true, 0, 1, Infinity);
    const w = new Writer(16);
    expect(family.wire.encodeRange(w, { prefixes: texts }, true, 0, texts.length, one.pos)).toBe(1);
    expect(w.pos).toBe(one.pos);
    expect(family.wire.encodeRange(w, { prefixes: texts }, true, 1, texts.length, one.pos)).toBe(1);
  });

  it('gives each NLRI one RIB key, the same per list and per item, and the way back', () => {
    const list = roundTrip(family, { prefixes: texts }, false);
    const keys = Array.from(family.ribKeys(list));
    expect(keys).toEqual(values.map((v) => family.ribKey(v)));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(typeof key).toBe(family.ribKeyKind);
    expect(keys.map((k) => family.nlriOfKey(k))).toEqual(values);
    const back = family.listOfKeys({}, keys);
    expect(texts.map((_, i) => family.nlriAt(back, i))).toEqual(values);
  });

  it('renders one ExaBGP JSON item (a JSON object) and one text item per NLRI', () => {
    const list = roundTrip(family, { prefixes: texts, pathIds: texts.map((_, i) => i) }, true);
    const json = family.exabgpJsonItems(list);
    expect(json).toHaveLength(texts.length);
    for (const item of json) expect(typeof JSON.parse(item)).toBe('object');
    expect(family.exabgpTextItems(list)).toHaveLength(texts.length);
  });

  it('states its next-hop rule and accepts its own fallback and sample next hop', () => {
    expect(['address', 'none', 'rd-address']).toContain(family.nextHop.form);
    if (family.nextHop.form === 'none') return;
    expect(family.nextHop.afis.length).toBeGreaterThan(0);
    if (family.nextHop.fallback !== undefined) expect(family.nextHop.check([family.nextHop.fallback])).toBeUndefined();
    if (samples.nextHop) expect(family.nextHop.check(samples.nextHop)).toBeUndefined();
  });

  it("reaches wire's UPDATE codec in MP_REACH_NLRI and MP_UNREACH_NLRI through familyContext (RFC 4760)", () => {
    const ctx = familyContext({ ...DEFAULT_CONTEXT, addPath: new Set() });
    const nextHop = family.nextHop.form === 'none' ? [] : (samples.nextHop ?? []);
    const attributes = { origin: 0, asPath: [] };
    const announce: UpdateMessage = { type: 'update', withdrawn: [], attributes, announced: [{ afi: family.afi, safi: family.safi, mp: true, prefixes: texts, nextHop }] };
    const withdraw: UpdateMessage = { type: 'update', withdrawn: [{ afi: family.afi, safi: family.safi, mp: true, prefixes: texts }], attributes: {}, announced: [] };
    for (const message of [announce, withdraw]) {
      const decoded = decodeMessage(encodeMessage(message, ctx).subarray(0), ctx) as UpdateMessage;
      expect(decoded.errorAction).toBeUndefined();
      const lists = [...decoded.announced, ...decoded.withdrawn];
      // A withdrawal may carry less than the announcement (RFC 8277 §2.4: one label field for a
      // stack); it must still name the same route, by the family's route key when it has one.
      const named = message === withdraw && family.routeKey ? (l: NlriSource, i: number) => family.routeKey!({ prefix: family.formatText(family.nlriAt(l, i)) }) : (l: NlriSource, i: number) => family.nlriAt(l, i);
      const expected = message === withdraw && family.routeKey ? texts.map((prefix, i) => family.routeKey!({ prefix, nlri: values[i] })) : values;
      expect(lists.map((l) => [l.afi, l.safi, texts.map((_, i) => named(l, i))])).toEqual([[family.afi, family.safi, expected]]);
    }
  });

  it('shows policies a view of each NLRI', () => {
    for (const value of values) expect(typeof family.policyView(value).kind).toBe('string');
  });
});
