/**
 * FlowSpec command lines as DDoS tools write them (ddos-tool-lines.ts: FastNetMon, ExaFS, ExaBGP's
 * own examples, a Go mitigation service, shell and PHP helpers) given to `rxbgp run`, first by a
 * helper process in the config's `api` block (the way FastNetMon and ExaFS drive ExaBGP), then by
 * `rxbgp cli`, each time checked in what a real gobgpd 3.10 holds (`gobgp global rib -a
 * ipv4-flowspec|ipv6-flowspec -j`: the rule and its action), then removed with the withdraw line
 * the same tool writes.
 *
 * Found here: rxbgp takes every line ExaBGP 4.2 takes, and keeps every item of a list written
 * without brackets (ExaBGP 4.2 keeps the first); the block form with literal "\n" escapes is refused
 * by rxbgp and by ExaBGP 4.2.21 alike.
 */
import { TOOL_LINES, type ToolLine } from './ddos-tool-lines';
import { gobgpFlowRib } from './daemon-views';
import { startGobgpFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

// GoBGP on 127.0.0.205 like rxbgp-send-gobgp.spec.ts, on its own port and API port.
const GOBGP: FlowDaemonOptions = { address: '127.0.0.205', port: 17206, asn: 65205, routerId: '192.0.2.205', neighbor: '127.0.0.206' };
const API_PORT = 50206;
const VIEW_TIMEOUT_MS = 20000;

const TAKEN = TOOL_LINES.filter((t) => !t.refused);
const REFUSED = TOOL_LINES.filter((t) => t.refused);

describe('DDoS tool lines through rxbgp run to GoBGP', () => {
  let gobgp: FlowDaemon;
  let rx: RxbgpFlowSender;

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, API_PORT);
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.206');
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await gobgp?.stop();
  }, 30000);

  const held = async (): Promise<Array<{ rule: string }>> => [...(await gobgpFlowRib(gobgp, 1)), ...(await gobgpFlowRib(gobgp, 2))];
  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(`${gobgp.name} to show ${what}`, probe, {
      timeoutMs: VIEW_TIMEOUT_MS,
      intervalMs: 250,
      abort: () => rx.rxbgp.exitText() ?? gobgp.exited(),
      context: () => `${rx.diagnostics()}\n--- ${gobgp.name} ---\n${gobgp.logTail()}`,
    });

  describe.each([
    ['a helper process', 'helper'],
    ['rxbgp cli', 'cli'],
  ] as const)('through %s', (_how, how) => {
    /** The answer to each line: `done` / `error` (helper), or exit code and answer (cli). */
    async function run(lines: readonly string[]): Promise<string[]> {
      const answers: string[] = [];
      for (const line of lines) {
        if (how === 'helper') answers.push(await rx.helper(line));
        else {
          const r = await rx.cli(line);
          answers.push(r.code === 0 && r.stdout === '' && r.stderr === '' ? 'done' : `exit ${r.code}: ${(r.stdout + r.stderr).trim()}`);
        }
      }
      return answers;
    }

    it('takes every line but the escaped-newline form, which it refuses as ExaBGP 4.2 does', async () => {
      const answers = await run(TOOL_LINES.map((t) => t.announce));
      const expected = TOOL_LINES.map((t) => (t.refused ? (how === 'helper' ? 'error' : `exit 1: ${t.refused}`) : 'done'));
      expect(TOOL_LINES.map((t, i) => [t.name, answers[i]])).toEqual(TOOL_LINES.map((t, i) => [t.name, expected[i]]));
    });

    it.each(TAKEN.map((t) => [t.name, t] as const))('%s: GoBGP holds the rule and its action', async (_n, t: ToolLine) => {
      const view = await waitFor(t.gobgp!.rule, async () => (await gobgpFlowRib(gobgp, t.afi)).find((v) => v.rule === t.gobgp!.rule));
      expect(view).toEqual(t.gobgp);
    });

    it('GoBGP holds exactly these rules', async () => {
      expect((await held()).map((v) => v.rule).sort()).toEqual(TAKEN.map((t) => t.gobgp!.rule).sort());
    });

    it("each tool's withdraw line removes its rule: both GoBGP tables empty", async () => {
      const answers = await run(TAKEN.map((t) => t.withdraw));
      expect(answers).toEqual(TAKEN.map(() => 'done'));
      await waitFor('empty flowspec tables', async () => ((await held()).length === 0 ? true : undefined));
      expect(await run(REFUSED.map((t) => t.withdraw))).toEqual(REFUSED.map((t) => (how === 'helper' ? 'error' : `exit 1: ${t.refused}`)));
    });
  });

  describe('afterwards', () => {
    it('the session stayed up throughout', () => {
      expect(rx.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
      expect(rx.rxbgp.events.filter((e) => e.type === 'state').map((e) => e.neighbor.state)).toEqual(['connected', 'up']);
    });
  });
});
