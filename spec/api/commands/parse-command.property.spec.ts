/** Property: no line, however mangled, makes parseCommand throw; every answer is ok+command or an error text. */
import fc from 'fast-check';
import { parseCommand } from '../../../lib/api/commands/parse-command';

const WORDS = [
  'announce', 'withdraw', 'route', 'attributes', 'attribute', 'nlri', 'eor', 'route-refresh', 'watchdog', 'neighbor', ',',
  'local-ip', 'local-as', 'peer-as', 'router-id', 'family-allowed', 'teardown', 'show', 'adj-rib', 'in', 'out', 'extensive',
  'summary', 'json', 'flush', 'clear', 'shutdown', 'help', 'enable-ack', '#', 'next-hop', 'self', 'origin', 'igp', 'as-path',
  'med', 'local-preference', 'atomic-aggregate', 'aggregator', 'originator-id', 'cluster-list', 'community', 'large-community',
  'extended-community', 'path-information', 'split', 'name', 'aigp', '[', ']', '(', ')', '{', '}', '"', "'", '10.0.0.0/24',
  '10.0.0.1/24', '2001:db8::/32', '::1', '127.0.0.1', '65000:1', '1:2:3', 'target:65000:1', '/25', '/40', '0x01', '4294967296',
  '-1', '', 'ipv4', 'ipv6', 'unicast', 'flow', '*', 'attribute', '0x63', 'bandwidth:1:x', 'l2info:1:2:3', 'redirect:1:2',
];

const soup = fc.array(
  fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 }), fc.integer({ min: -1, max: 5_000_000_000 }).map(String)),
  { maxLength: 24 },
);
const separator = fc.constantFrom(' ', '  ', '\t', '', ',');

describe('parseCommand never throws', () => {
  it('on random token soups', () => {
    fc.assert(
      fc.property(soup, separator, (words, sep) => {
        const result = parseCommand(words.join(sep));
        if (result.ok) expect(typeof result.command.kind).toBe('string');
        else {
          expect(typeof result.error).toBe('string');
          expect(result.error).not.toContain('internal error');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        const result = parseCommand(line);
        if (!result.ok) expect(result.error).not.toContain('internal error');
      }),
      { numRuns: 2000 },
    );
  });

  it('on valid announce lines with one word replaced', () => {
    const line = 'neighbor 127.0.0.1 announce route 10.0.0.0/24 next-hop 192.0.2.1 as-path [ 1 ( 2 ) ] community [ 65000:1 ] split /25';
    const words = line.split(' ');
    fc.assert(
      fc.property(fc.nat(words.length - 1), fc.constantFrom(...WORDS), (at, replacement) => {
        const mutated = [...words];
        mutated[at] = replacement;
        const result = parseCommand(mutated.join(' '));
        if (!result.ok) expect(result.error).not.toContain('internal error');
      }),
      { numRuns: 2000 },
    );
  });
});
