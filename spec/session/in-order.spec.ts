import { Subject } from 'rxjs';
import { inOrder, type SendJob } from '../../lib/session/in-order';

function setup() {
  const jobs = new Subject<SendJob>();
  const log: string[] = [];
  let finished = 0;
  jobs.pipe(inOrder((e) => log.push(`failed: ${e instanceof Error ? e.message : String(e)}`))).subscribe(() => finished++);
  return { jobs, log, finished: () => finished };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('inOrder (a session\'s send jobs)', () => {
  it('starts a job that comes while nothing runs in the caller\'s tick', () => {
    const { jobs, log, finished } = setup();
    jobs.next(() => log.push('written'));
    expect(log).toEqual(['written']);
    expect(finished()).toBe(1);
  });

  it('runs a job that comes while another waits only after that one is over, in order', async () => {
    const { jobs, log, finished } = setup();
    let release!: () => void;
    jobs.next(() => {
      log.push('first starts');
      return new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('first ends'));
    });
    jobs.next(() => log.push('second'));
    jobs.next(() => log.push('third'));
    expect(log).toEqual(['first starts']);
    await tick();
    expect(log).toEqual(['first starts']);
    release();
    await tick();
    expect(log).toEqual(['first starts', 'first ends', 'second', 'third']);
    expect(finished()).toBe(3);
  });

  it('reports a job that throws or rejects and goes on with the next', async () => {
    const { jobs, log, finished } = setup();
    jobs.next(() => {
      throw new Error('encode');
    });
    jobs.next(() => Promise.reject(new Error('socket')));
    jobs.next(() => log.push('next'));
    await tick();
    expect(log).toEqual(['failed: encode', 'failed: socket', 'next']);
    expect(finished()).toBe(3);
  });
});
