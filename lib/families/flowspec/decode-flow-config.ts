/**
 * A flow route in rxbgp's JSON config (issue 12):
 *
 *   { "match": { "destination": "192.0.2.0/24", "protocol": ["tcp", "udp"], "destinationPort": ["=80", ">=8080&<=8088"] },
 *     "then": { "rateLimit": 9600 }, "rd"?: "65000:1", "nextHop"?: "192.0.2.1", "family"?: "ipv6 flow" }
 *
 * There is no second grammar: each key becomes its ExaBGP keyword (config-keys.ts) and its value
 * the words of that statement, and the one-line text is read by parseFlowRoute, so a config rule
 * and the same rule sent by a helper are the same rule with the same actions. What the JSON adds
 * is where: a refused word is traced back to the key or array item it came from, and the error
 * names that path relative to the route ("match.destinationPort[1]"), for the config layer to
 * prefix ("neighbors[0].flows[3].").
 *
 * A value is one item or an array of items. An item is a string holding one word (an operator
 * string as in the API, "=80", ">=8080&<=8088", "syn+ack", "!is-fragment") or a JSON number, which
 * is that number as a word: 80 in destinationPort is "80" (equal to 80), 9600 in rateLimit is 9600
 * bytes per second. A string with spaces or [ ] { } ; , is refused rather than split, so a value can
 * never smuggle in another statement ("10.0.0.0/24 discard").
 */
import {
  configKeyMap,
  FLOW_CONFIG_FAMILIES,
  MATCH_CONFIG_KEYS,
  ROUTE_CONFIG_KEYS,
  ROUTE_STATEMENT_KEYS,
  THEN_CONFIG_KEYS,
  type FlowConfigFamily,
  type FlowConfigKey,
} from './config-keys';
import { describeConfigValue, joinConfigKey, nearestConfigKey } from './config-words';
import { parseFlowRoute, type FlowRouteOptions, type ParsedFlowRoute } from './parse-flow-route';

export type FlowConfigDecode =
  | { readonly ok: true; readonly route: ParsedFlowRoute }
  | { readonly ok: false; readonly path: string; readonly error: string };

const MATCH_KEYS = configKeyMap(MATCH_CONFIG_KEYS);
const THEN_KEYS = configKeyMap(THEN_CONFIG_KEYS);
const KEY_OF_KEYWORD = new Map([...MATCH_CONFIG_KEYS, ...THEN_CONFIG_KEYS, ...ROUTE_STATEMENT_KEYS].map((k) => [k.keyword, k.key]));

const MATCH_EXAMPLE = 'destination, source, protocol, destinationPort, ...';

/** One word of the generated text line and the JSON path it came from. */
interface Segment {
  readonly text: string;
  readonly path: string;
  readonly key: FlowConfigKey;
  /** The statement's keyword, a bracket, or a value the user wrote. */
  readonly role: 'keyword' | 'bracket' | 'value';
  start: number;
}

class ConfigProblem extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function problem(path: string, message: string): never {
  throw new ConfigProblem(path, message);
}

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

export function decodeFlowConfig(value: unknown): FlowConfigDecode {
  try {
    return { ok: true, route: decodeOrThrow(value) };
  } catch (error) {
    if (error instanceof ConfigProblem) return { ok: false, path: error.path, error: error.message };
    throw error;
  }
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const near = nearestConfigKey(key, allowed);
    problem(joinConfigKey(path, key), `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}; allowed keys here: ${allowed.join(', ')}`);
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function decodeOrThrow(value: unknown): ParsedFlowRoute {
  if (!isPlainObject(value)) {
    problem('', `expected a flow route (a JSON object like { "match": { ... }, "then": { ... } }), got ${describeConfigValue(value)}`);
  }
  checkKeys(value, ROUTE_CONFIG_KEYS, '');
  const match = value.match;
  if (match === undefined) problem('match', `missing required key, expected an object of match keys (${MATCH_EXAMPLE})`);
  if (!isPlainObject(match)) problem('match', `expected an object of match keys (${MATCH_EXAMPLE}), got ${describeConfigValue(match)}`);
  checkKeys(match, MATCH_CONFIG_KEYS.map((k) => k.key), 'match');
  if (Object.keys(match).length === 0) problem('match', `a flow route needs at least one match (${MATCH_EXAMPLE})`);
  const then = value.then;
  if (then !== undefined && !isPlainObject(then)) problem('then', `expected an object of actions (discard, rateLimit, redirect, ...), got ${describeConfigValue(then)}`);
  if (then) checkKeys(then, THEN_CONFIG_KEYS.map((k) => k.key), 'then');
  const family = familyOf(value);

  const segments: Segment[] = [];
  for (const key of MATCH_CONFIG_KEYS) if (hasOwn(match, key.key)) addStatements(segments, key, match[key.key], joinConfigKey('match', key.key));
  for (const key of ROUTE_STATEMENT_KEYS) if (value[key.key] !== undefined) addStatements(segments, key, value[key.key], key.key);
  if (then) for (const key of THEN_CONFIG_KEYS) if (hasOwn(then, key.key)) addStatements(segments, key, then[key.key], joinConfigKey('then', key.key));

  let line = '';
  for (const segment of segments) {
    if (line) line += ' ';
    segment.start = line.length;
    line += segment.text;
  }
  const options: FlowRouteOptions = family ? { afi: family.startsWith('ipv6') ? 2 : 1, safi: family.endsWith('vpn') ? 134 : 133 } : {};
  const parsed = parseFlowRoute(line, options);
  if (parsed.ok) return parsed.route;
  return locate(parsed.error, segments, family);
}

function familyOf(value: Record<string, unknown>): FlowConfigFamily | undefined {
  const family = value.family;
  if (family === undefined) return undefined;
  if (typeof family !== 'string' || !(FLOW_CONFIG_FAMILIES as readonly string[]).includes(family)) {
    const near = typeof family === 'string' ? nearestConfigKey(family, FLOW_CONFIG_FAMILIES, false) : undefined;
    problem('family', `expected one of ${FLOW_CONFIG_FAMILIES.map((f) => `"${f}"`).join(', ')}, got ${describeConfigValue(family)}${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  // RFC 8955 §8: the RD is what makes a rule flow-vpn; the two must agree.
  const vpn = family.endsWith('flow-vpn');
  if (vpn && value.rd === undefined) problem('rd', `missing required key: family "${family}" needs an rd (ADMIN:NUMBER, RFC 8955 §8)`);
  if (!vpn && value.rd !== undefined) problem('rd', `an rd makes the rule flow-vpn (RFC 8955 §8), but family is "${family}"`);
  return family as FlowConfigFamily;
}

const REDIRECT_IPV6 = /^\[[0-9a-fA-F:.]+\]:\d+$/;
const SPACE = /\s/;
const STRUCTURE = /[[\]{};,]/;

/** One item as its word, refusing what the text would not read as one word. */
function itemWord(item: unknown, path: string, key: FlowConfigKey): string {
  if (typeof item === 'number') return String(item);
  if (typeof item !== 'string') {
    problem(path, `expected ${key.kind === 'prefix' ? 'a prefix string' : 'a string or a number'}, got ${describeConfigValue(item)}`);
  }
  if (item === '') problem(path, 'expected a value, got ""');
  if (SPACE.test(item)) problem(path, `expected one value, got ${describeConfigValue(item)} (give several values as a JSON array)`);
  if (STRUCTURE.test(item) && !(key.keyword === 'redirect' && REDIRECT_IPV6.test(item))) {
    problem(path, `a value cannot hold "${STRUCTURE.exec(item)![0]}", got ${describeConfigValue(item)}${key.kind === 'list' || key.kind === 'each' ? ' (give several values as a JSON array)' : ''}`);
  }
  return item;
}

function addStatements(out: Segment[], key: FlowConfigKey, value: unknown, path: string): void {
  const push = (text: string, at: string, role: Segment['role']): void => {
    out.push({ text, path: at, key, role, start: 0 });
  };
  switch (key.kind) {
    case 'flag':
      if (value !== true) problem(path, `expected true (leave "${key.key}" out for none), got ${describeConfigValue(value)}`);
      push(key.keyword, path, 'keyword');
      return;
    case 'prefix':
      if (Array.isArray(value)) problem(path, `expected one prefix string like "10.0.0.0/24" (a rule has one ${key.keyword.replace(/-ipv[46]$/, '')} prefix), got an array`);
      if (typeof value === 'number') problem(path, `expected a prefix string like "10.0.0.0/24" or "2001:db8::/64/32", got ${value}`);
      push(key.keyword, path, 'keyword');
      push(itemWord(value, path, key), path, 'value');
      return;
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) problem(path, `expected at least one value (leave "${key.key}" out for none), got an empty array`);
      push(key.keyword, path, 'keyword');
      push('[', path, 'bracket');
      items.forEach((item, i) => {
        const at = Array.isArray(value) ? `${path}[${i}]` : path;
        push(itemWord(item, at, key), at, 'value');
      });
      push(']', path, 'bracket');
      return;
    }
    case 'each': {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) problem(path, `expected at least one value (leave "${key.key}" out for none), got an empty array`);
      items.forEach((item, i) => {
        const at = Array.isArray(value) ? `${path}[${i}]` : path;
        push(key.keyword, at, 'keyword');
        push(itemWord(item, at, key), at, 'value');
      });
      return;
    }
  }
}

const AT_WORD = /^([\s\S]*): "(\S*)" \(column (\d+)\)$/;
const AT_END = /^([\s\S]*), but the line ends \(column \d+\)$/;

/** Turns parseFlowRoute's "<reason>: "<word>" (column C)" into the path of the key that wrote the word. */
function locate(error: string, segments: readonly Segment[], family: FlowConfigFamily | undefined): never {
  const atWord = AT_WORD.exec(error);
  if (atWord) {
    const offset = Number(atWord[3]) - 1;
    const segment = segments.find((s) => offset >= s.start && offset < s.start + s.text.length);
    if (segment) problem(segment.path, tidy(atWord[1], segment, family));
  }
  const atEnd = AT_END.exec(error);
  if (atEnd) problem(/needs at least one match/.test(atEnd[1]) ? 'match' : '', tidy(atEnd[1], undefined, family));
  return problem('', error);
}

/**
 * The text parser's reason in the config's words: without the "bad destination-port value, " it
 * starts with (the path names the key), keys instead of keywords, and the value it refused.
 */
function tidy(reason: string, segment: Segment | undefined, family: FlowConfigFamily | undefined): string {
  let text = reason;
  if (segment) {
    const keyword = segment.key.keyword;
    for (const lead of [`bad ${keyword} value, `, `bad ${keyword}, `]) if (text.startsWith(lead)) text = text.slice(lead.length);
    if (text.startsWith(`${keyword} `)) text = `${segment.key.key}${text.slice(keyword.length)}`;
  }
  text = text.replace(/"([a-z0-9-]+)" made it/, (whole, keyword: string) => (KEY_OF_KEYWORD.has(keyword) ? `"${KEY_OF_KEYWORD.get(keyword)}" made it` : whole));
  if (family) text = text.replace(/the command is IPv[46] flow/, `family is "${family}"`);
  if (segment?.role === 'value' && !text.split(/[\s"(),]+/).includes(segment.text)) text += `, got "${segment.text}"`;
  return text;
}
