/**
 * An action statement of a flow route (ExaBGP configuration/flow/then.py and parser.py), turned
 * into community values on the draft. Every action is kept (ExaBGP 4.2's one-line form keeps only
 * the first that makes an extended community, so `action sample mark 0` loses the mark).
 *
 *   accept                             nothing
 *   discard                            traffic-rate 0 (RFC 8955 §7.1)
 *   rate-limit N [packets]             traffic-rate-bytes N (or -packets), 0..10^12
 *   rate-limit-packets N               traffic-rate-packets N
 *   redirect AS:N | IP:N | [IPv6]:N    rt-redirect (RFC 8955 §7.4, RFC 8956 §6.1)
 *   redirect IP                        next hop IP + redirect-to-nexthop (draft-simpson)
 *   redirect-to-nexthop                redirect to the rule's next-hop
 *   redirect-to-nexthop-ietf IP        draft-ietf-idr-flowspec-redirect-ip (IPv4 or IPv6 community)
 *   copy IP                            next hop IP + copy-to-nexthop
 *   mark N                             traffic-marking DSCP N (RFC 8955 §7.5)
 *   action sample|terminal|sample-terminal   traffic-action (RFC 8955 §7.3)
 *   community / large-community / extended-community / interface-set  lists
 */
import { formatIpv4Number, formatIpv6, parseIpv4, parseIpv6 } from '../../wire/address';
import { flowActionCommunity, type FlowAction } from './actions';
import { addOnce, type FlowDraft } from './flow-draft';
import { flowIpv6ActionCommunity, type FlowIpv6Action } from './ipv6-actions';
import { communityOfWord, extendedCommunityOfWord, largeCommunityOfWord } from './parse-communities';
import { parseInterfaceSet } from './parse-interface-set';
import { parseRedirect } from './parse-redirect';
import { readItems, readWord, type StatementMode } from './read-items';
import type { FlowCursor } from './text-cursor';

/** ExaBGP caps rates at 10^12 bytes per second; above that is refused here rather than changed. */
const MAX_RATE = 1e12;

function addAction(draft: FlowDraft, action: FlowAction): void {
  addOnce(draft.extendedCommunities, flowActionCommunity(action));
}

function addIpv6Action(draft: FlowDraft, action: FlowIpv6Action): void {
  addOnce(draft.ipv6ExtendedCommunities, flowIpv6ActionCommunity(action));
}

function setNextHop(cursor: FlowCursor, draft: FlowDraft, address: string, index: number): void {
  if (draft.nextHop !== undefined && draft.nextHop !== address) cursor.fail(`a second next hop (the rule already has ${draft.nextHop})`, index);
  draft.nextHop = address;
}

function readRate(cursor: FlowCursor, keyword: string): number {
  const word = readWord(cursor, `a ${keyword} value`);
  if (!/^\d{1,13}$/.test(word.text) || Number(word.text) > MAX_RATE) cursor.fail(`${keyword} must be a whole number 0..${MAX_RATE}`);
  return Number(word.text);
}

function readIp(cursor: FlowCursor, what: string): { address: string; ipv6: boolean; index: number } {
  const word = readWord(cursor, what);
  const v4 = parseIpv4(word.text);
  if (v4 !== undefined) return { address: formatIpv4Number(v4), ipv6: false, index: word.index };
  const v6 = parseIpv6(word.text);
  if (v6) return { address: formatIpv6(v6), ipv6: true, index: word.index };
  return cursor.fail(`expected ${what}`);
}

/** Reads the arguments of then-keyword `keyword` (already consumed) onto the draft. */
export function readThen(cursor: FlowCursor, keyword: string, mode: StatementMode, draft: FlowDraft): void {
  switch (keyword) {
    case 'accept':
      return;
    case 'discard':
      // RFC 8955 §7.1: a traffic-rate of 0 discards; AS 0 as Juniper and ExaBGP send it.
      return addAction(draft, { kind: 'rate-limit', asn: 0, bytesPerSecond: 0 });
    case 'rate-limit': {
      const rate = readRate(cursor, 'rate-limit');
      if (cursor.accept('packets')) return addAction(draft, { kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate });
      return addAction(draft, { kind: 'rate-limit', asn: 0, bytesPerSecond: rate });
    }
    case 'rate-limit-packets':
      return addAction(draft, { kind: 'rate-limit-packets', asn: 0, packetsPerSecond: readRate(cursor, 'rate-limit-packets') });
    case 'redirect': {
      const word = readRedirectWord(cursor);
      const target = parseRedirect(word.text);
      if (typeof target === 'string') cursor.fail(`bad redirect, ${target}`);
      if (target.kind === 'next-hop') {
        setNextHop(cursor, draft, target.address, word.index);
        return addAction(draft, { kind: 'redirect-to-nexthop', copy: false });
      }
      if (target.kind === 'redirect-ipv6') return addIpv6Action(draft, target);
      return addAction(draft, target);
    }
    case 'redirect-to-nexthop':
      return addAction(draft, { kind: 'redirect-to-nexthop', copy: false });
    case 'redirect-to-nexthop-ietf': {
      const ip = readIp(cursor, 'a redirect-to-nexthop-ietf address (IPv4 or IPv6)');
      if (ip.ipv6) return addIpv6Action(draft, { kind: 'redirect-to-ip', address: ip.address, copy: false });
      return addAction(draft, { kind: 'redirect-to-ip', address: ip.address, copy: false });
    }
    case 'copy': {
      const ip = readIp(cursor, 'a copy address (IPv4 or IPv6)');
      setNextHop(cursor, draft, ip.address, ip.index);
      return addAction(draft, { kind: 'redirect-to-nexthop', copy: true });
    }
    case 'mark': {
      const word = readWord(cursor, 'a DSCP value (0..63)');
      if (!/^\d{1,2}$/.test(word.text) || Number(word.text) > 63) cursor.fail('mark must be a DSCP value 0..63');
      return addAction(draft, { kind: 'mark', dscp: Number(word.text) });
    }
    case 'action': {
      const word = readWord(cursor, 'an action (sample, terminal or sample-terminal)');
      const value = word.text.toLowerCase();
      if (value !== 'sample' && value !== 'terminal' && value !== 'sample-terminal') cursor.fail('action must be sample, terminal or sample-terminal');
      return addAction(draft, { kind: 'action', sample: value !== 'terminal', terminal: value !== 'sample' });
    }
    case 'community':
      for (const item of readItems(cursor, mode, 'community')) {
        const value = communityOfWord(item.text);
        if (typeof value === 'string') cursor.fail(`bad community, ${value}`, item.index);
        addOnce(draft.communities, value);
      }
      return;
    case 'large-community':
      for (const item of readItems(cursor, mode, 'large-community')) {
        const value = largeCommunityOfWord(item.text);
        if (typeof value === 'string') cursor.fail(`bad large-community, ${value}`, item.index);
        addOnce(draft.largeCommunities, value, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
      }
      return;
    case 'interface-set':
      for (const item of readItems(cursor, mode, 'interface-set')) {
        const value = parseInterfaceSet(item.text);
        if (typeof value === 'string') cursor.fail(`bad interface-set, ${value}`, item.index);
        addAction(draft, value);
      }
      return;
    case 'extended-community':
      return readExtendedCommunities(cursor, draft);
  }
}

/**
 * The redirect target as one word. "[2001:db8::1]:100" comes split by the tokenizer into "[",
 * "2001:db8::1", "]" and ":100": joined back here.
 */
function readRedirectWord(cursor: FlowCursor): { text: string; index: number } {
  const what = 'a redirect target (AS:NUMBER, IP:NUMBER, [IPv6]:NUMBER or an address)';
  if (cursor.peek() !== '[') return readWord(cursor, what);
  const index = cursor.index;
  cursor.next(what);
  const address = cursor.next('an IPv6 address after [');
  cursor.expect(']', 'after the IPv6 address');
  const number = cursor.next(':NUMBER after ]');
  if (!number.startsWith(':')) cursor.fail('expected :NUMBER after ]');
  return { text: `[${address}]${number}`, index };
}

/** Words that take the next word as their argument inside an extended-community list (ExaBGP 5 writes `[ mark 10 ]`). */
const WITH_ARGUMENT = new Set(['mark', 'action', 'redirect-to-nexthop-ietf', 'rate-limit', 'rate-limit-packets', 'redirect', 'copy']);

/** `extended-community VALUE` or `extended-community [ VALUE ... ]`. */
function readExtendedCommunities(cursor: FlowCursor, draft: FlowDraft): void {
  if (!cursor.accept('[')) return readExtendedCommunity(cursor, draft);
  let count = 0;
  while (!cursor.accept(']')) {
    if (cursor.atEnd()) cursor.failAtEnd('expected ] to close the extended-community list');
    readExtendedCommunity(cursor, draft);
    count++;
  }
  if (count === 0) cursor.fail('the extended-community list is empty');
}

function readExtendedCommunity(cursor: FlowCursor, draft: FlowDraft): void {
  const word = readWord(cursor, 'an extended community');
  if (WITH_ARGUMENT.has(word.text)) return readThen(cursor, word.text, 'block', draft);
  const value = extendedCommunityOfWord(word.text);
  if (typeof value === 'string') cursor.fail(`bad extended-community, ${value}`, word.index);
  addOnce(draft.extendedCommunities, value);
}
