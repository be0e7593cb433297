/**
 * The receiver of the sink ingest cases (ingest-jsonl, ingest-kafka): the `ingest` consumer
 * (ingest-counter.ts: rxbgp as a library, every received prefix counted in process against the
 * run) built on Speaker instead of Daemon, because Speaker is what opens the config's sinks
 * (lib/speaker/speaker.ts). Speaker's events$ is the Daemon's, so the counting is the same; the
 * sinks take the same events through their own queues.
 *
 * usage: node sink-ingest-counter.js <config.json> <first /24> <count>
 * stdout, one line each, read by the bench as they come: `up`, `down <reason>`, `reached <k>` for
 * k = 99 % and 100 % of count; once all are counted, `drained {sink counters}` as soon as every sink
 * has written all it took (polled every DRAIN_POLL_MS); on SIGTERM, after the speaker stopped
 * (sinks flushed and closed), `stats {json}`: the counts and `sinks` (each sink's final counters).
 */
import { Speaker } from '../../lib';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { EARLY_SHARE } from '../measure/transfer';
import { RunCounter } from './run-counter';
import { sinksDrained, sinkStatsObject } from './sink-drain';
import { consumerLog, exitIfStartFails, loadConsumerConfig, runConsumer, say } from './consumer-process';

/** How often the sink counters are read once every prefix is counted: the drain time's resolution. */
const DRAIN_POLL_MS = 5;

function main(argv: readonly string[]): void {
  const [file, first, countText] = argv;
  if (!file || !first || !countText) throw new Error('usage: sink-ingest-counter <config.json> <first /24> <count>');
  const run = new Ipv4PrefixRun(first, Number(countText));
  const config = loadConsumerConfig(file);
  if (config.sinks.length === 0) throw new Error(`${file} configures no sink`);
  const speaker = new Speaker(config, { log: consumerLog });

  let drainPoll: NodeJS.Timeout | undefined;
  const watchDrain = () => {
    drainPoll = setInterval(() => {
      const stats = speaker.sinkStats();
      if (!sinksDrained(stats)) return;
      clearInterval(drainPoll);
      drainPoll = undefined;
      say(`drained ${JSON.stringify(sinkStatsObject(stats))}`);
    }, DRAIN_POLL_MS);
  };
  const counter = new RunCounter(run, [Math.ceil(run.count * EARLY_SHARE), run.count], (k) => {
    say(`reached ${k}`);
    if (k === run.count) watchDrain();
  });

  speaker.events$.subscribe(({ neighbor, event }) => {
    if (event.kind === 'up') say('up');
    else if (event.kind === 'down') say(`down ${event.reason}`);
    else if (event.kind === 'update' && event.direction === 'receive') {
      counter.countUpdate(event.message);
      counter.stats.ribIn = neighbor.ribIn.size;
    }
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    clearInterval(drainPoll);
    counter.stats.ribIn = speaker.neighbors.reduce((n, nb) => n + nb.ribIn.size, 0);
    void speaker
      .stop()
      .catch((e: unknown) => process.stderr.write(`error stopping: ${e instanceof Error ? e.message : String(e)}\n`))
      .finally(() => {
        say(`stats ${JSON.stringify({ ...counter.stats, sinks: sinkStatsObject(speaker.sinkStats()) })}`);
        process.exit(0);
      });
  });
  exitIfStartFails(speaker.start());
}

runConsumer('sink-ingest-counter', main);
