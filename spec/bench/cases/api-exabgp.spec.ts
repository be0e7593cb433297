import { EXABGP_PROCESS_NAME, exabgpApiConfig } from '../../../bench/cases/api-exabgp';
import { slotFor } from '../../../bench/cases/case-types';

const { sender, receiver } = slotFor(7);
const helper = ['/usr/bin/python3', '/repo/bench/helpers/api-announce.py', '--mode', 'batches', '--count', '20000'];

describe('exabgpApiConfig', () => {
  it('runs the helper without respawn and connects to the receiver with neighbor changes on', () => {
    expect(exabgpApiConfig({ sender, receiver, helper })).toBe(`process ${EXABGP_PROCESS_NAME} {
  run /usr/bin/python3 /repo/bench/helpers/api-announce.py --mode batches --count 20000;
  encoder json;
  respawn false;
}
neighbor 127.0.3.16 {
  router-id 192.0.2.15;
  local-address 127.0.3.15;
  local-as 65015;
  peer-as 65016;
  connect 21016;
  family { ipv4 unicast; }
  api { processes [ ${EXABGP_PROCESS_NAME} ]; neighbor-changes; }
}
`);
  });

  it.each(['/tmp/a b/report.json', 'x;y'])('refuses a helper argument ExaBGP would split: %j', (word) => {
    expect(() => exabgpApiConfig({ sender, receiver, helper: [...helper, word] })).toThrow(/cannot be written in a run line/);
  });
});
