/** A misspelt command word is an error that says which word was probably meant, as config errors do. */
import { parseCommand } from '../../../lib/api/commands/parse-command';

const misspelt: ReadonlyArray<readonly [string, string]> = [
  ['annouce route 10.0.0.0/24 next-hop self', 'unknown command: "annouce" (word 1, column 1); did you mean "announce"?'],
  ['shwo neighbor summary', 'unknown command: "shwo" (word 1, column 1); did you mean "show"?'],
  ['withdrw route 10.0.0.0/24', 'unknown command: "withdrw" (word 1, column 1); did you mean "withdraw"?'],
  ['Announce route 10.0.0.0/24 next-hop self', 'unknown command: "Announce" (word 1, column 1); did you mean "announce"?'],
  ['reloda', 'unknown command: "reloda" (word 1, column 1); did you mean "reload"?'],
  ['teardwn 2', 'unknown command: "teardwn" (word 1, column 1); did you mean "teardown"?'],
  ['neighbor 127.0.0.1 anounce route 10.0.0.0/24 next-hop self', 'unknown command: "anounce" (word 3, column 20); did you mean "announce"?'],
  ['announce rotue 10.0.0.0/24 next-hop self', 'unknown announce command: "rotue" (word 2, column 10); did you mean "route"?'],
  ['withdraw atributes nlri 10.0.0.0/24', 'unknown withdraw command: "atributes" (word 2, column 10); did you mean "attributes"?'],
  ['announce route 10.0.0.0/24 next-hop self comunity [65000:1]', 'unknown route attribute: "comunity" (word 6, column 42); did you mean "community"?'],
  ['announce route 10.0.0.0/24 nexthop self', 'unknown route attribute: "nexthop" (word 4, column 28); did you mean "next-hop"?'],
  ['announce attributes next-hop self nrli 10.0.0.0/24', 'unknown route attribute (or missing nlri): "nrli" (word 5, column 35); did you mean "nlri"?'],
  ['show neigbor summary', 'expected show neighbor or show adj-rib: "neigbor" (word 2, column 6); did you mean "neighbor"?'],
  ['show neighbor sumary', 'expected a neighbor address, summary, extensive, configuration or json: "sumary" (word 3, column 15); did you mean "summary"?'],
];

describe('parseCommand: did you mean', () => {
  it.each(misspelt)('%j', (line, error) => {
    expect(parseCommand(line)).toEqual({ ok: false, error });
  });

  it('suggests nothing when no word is close', () => {
    expect(parseCommand('frobnicate')).toEqual({ ok: false, error: 'unknown command: "frobnicate" (word 1, column 1)' });
    expect(parseCommand('announce banana')).toEqual({ ok: false, error: 'unknown announce command: "banana" (word 2, column 10)' });
  });
});
