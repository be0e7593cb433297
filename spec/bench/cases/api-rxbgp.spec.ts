import { isRight } from 'fp-ts/Either';
import { apiRxbgpConfig, API_PROCESS_NAME } from '../../../bench/cases/api-rxbgp';
import { decodeConfig } from '../../../lib/config';

const neighbor = {
  routerId: '192.0.2.111',
  localAs: 65111,
  localAddress: '127.0.0.111',
  peerAddress: '127.0.0.112',
  peerAs: 65112,
  peerPort: 1912,
  events: 'none' as const,
};
const helper = ['/usr/bin/python3', '/repo/bench/helpers/api-announce.py', '--mode', 'routes'];

describe('apiRxbgpConfig', () => {
  it('is a config rxbgp accepts: the helper under processes, named by the neighbor api, state events on', () => {
    const decoded = decodeConfig(apiRxbgpConfig(neighbor, helper), '/tmp');
    if (!isRight(decoded)) throw new Error(JSON.stringify(decoded.left));
    const config = decoded.right;
    expect(config.processes).toHaveLength(1);
    expect(config.processes[0]).toMatchObject({ name: API_PROCESS_NAME, run: helper, encoder: 'json', respawn: false });
    expect(config.neighbors).toHaveLength(1);
    expect(config.neighbors[0]!.api.processes).toEqual([API_PROCESS_NAME]);
    expect(config.neighbors[0]!.api.receive).toContain('state');
  });

  it('announces nothing of its own and opens no control socket', () => {
    const json = apiRxbgpConfig(neighbor, helper) as { control: unknown; neighbors: Array<Record<string, unknown>> };
    expect(json.control).toEqual({ enabled: false });
    expect(json.neighbors[0]!.routeSets).toBeUndefined();
    expect(json.neighbors[0]!.routes).toBeUndefined();
  });
});
