/** Preparing the control socket's path: the per-user directory of default sockets is kept private. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makePrivate, prepareSocketPath } from '../../../lib/api/control/socket-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sockfile-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('prepareSocketPath', () => {
  it('closes the private directory to others when it exists with looser permissions', async () => {
    const run = path.join(dir, 'rxbgp');
    fs.mkdirSync(run);
    fs.chmodSync(run, 0o755);
    await prepareSocketPath(path.join(run, 'c-01234567.sock'), { privateDirectory: true });
    expect(fs.statSync(run).mode & 0o777).toBe(0o700);
  });

  it('leaves the directory of a configured socket as it is', async () => {
    const run = path.join(dir, 'shared');
    fs.mkdirSync(run);
    fs.chmodSync(run, 0o755);
    await prepareSocketPath(path.join(run, 'rxbgp.sock'));
    expect(fs.statSync(run).mode & 0o777).toBe(0o755);
  });
});

describe('makePrivate', () => {
  it("refuses another user's directory, which could let that user swap the socket", () => {
    const owner = fs.statSync(dir).uid;
    expect(() => makePrivate(dir, owner + 1)).toThrow(`control socket directory ${dir} belongs to user ${owner}, not to this user (${owner + 1}): remove it, or set XDG_RUNTIME_DIR or "control.socket"`);
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, '');
    expect(() => makePrivate(file, owner)).toThrow(`control socket directory ${file} is not a directory: remove it`);
  });
});
