/**
 * `rxbgp encode --local-as/--peer-as` as a user runs it (the built bin/rxbgp; `npm test` builds
 * first): the UPDATE the daemon would send to that neighbor, AS_PATH prepended for eBGP.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { hex, toHex } from '../helpers/hex';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const encode = (...args: string[]) => spawnSync(process.execPath, [BIN, 'encode', ...args], { encoding: 'utf8', timeout: 15000 });
const ROUTE = 'announce route 10.0.0.0/24 next-hop 192.0.2.1 as-path [64512]';

describe('rxbgp encode --local-as --peer-as', () => {
  it('eBGP: prints AS_PATH 65001 64512, as the daemon sends it to AS 65002', () => {
    const r = encode('--local-as', '65001', '--peer-as', '65002', ROUTE);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0033 02 0000 0018  # header, no withdrawn, 24 octets of attributes
        40 01 01 00                                         # ORIGIN IGP
        40 02 0a 02 02 0000fde9 0000fc00                    # AS_PATH [65001 64512]
        40 03 04 c0000201                                   # NEXT_HOP 192.0.2.1
        18 0a0000                                           # 10.0.0.0/24
      `).toUpperCase() + '\n',
    );
  });

  it('iBGP (local AS = peer AS): the path as given, LOCAL_PREF 100', () => {
    const r = encode('--local-as', '65001', '--peer-as', '65001', ROUTE);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0036 02 0000 001b
        40 01 01 00                                         # ORIGIN IGP
        40 02 06 02 01 0000fc00                             # AS_PATH [64512]
        40 03 04 c0000201                                   # NEXT_HOP 192.0.2.1
        40 05 04 00000064                                   # LOCAL_PREF 100
        18 0a0000
      `).toUpperCase() + '\n',
    );
  });

  it('says so in its help', () => {
    const help = spawnSync(process.execPath, [BIN, 'encode', '--help'], { encoding: 'utf8', timeout: 15000 }).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('encode exactly what the daemon sends from this AS to a neighbor of --peer-as: eBGP prepends it to AS_PATH');
  });
});
