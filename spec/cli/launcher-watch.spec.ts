/** The parent-pid watch that stops a daemon started by npm / npx when npm is killed (lib/cli/launcher-watch.ts). */
import { TestScheduler } from 'rxjs/testing';
import { packageManagerLauncher, parentExit$ } from '../../lib/cli/launcher-watch';

describe('packageManagerLauncher', () => {
  it('names npx, npm scripts, and nothing for a daemon started otherwise', () => {
    expect(packageManagerLauncher({ npm_lifecycle_event: 'npx' })).toBe('npx');
    expect(packageManagerLauncher({ npm_lifecycle_event: 'start' })).toBe('npm start');
    expect(packageManagerLauncher({})).toBeUndefined();
    expect(packageManagerLauncher({ npm_lifecycle_event: '' })).toBeUndefined();
  });
});

describe('parentExit$', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('emits the new parent pid at the first poll after the parent is gone, once', () => {
    scheduler().run(({ expectObservable }) => {
      // The parent (pid 40) exits between the 3rd and the 4th poll; init (1) adopts the process.
      const ppids = [40, 40, 40, 1, 1, 77];
      let poll = 0;
      expectObservable(parentExit$(() => ppids[poll++], 40, 1000)).toBe('4000ms (a|)', { a: 1 });
    });
  });

  it('stays silent while the parent lives', () => {
    scheduler().run(({ expectObservable }) => {
      expectObservable(parentExit$(() => 40, 40, 1000), '^ 60s !').toBe('');
    });
  });
});
