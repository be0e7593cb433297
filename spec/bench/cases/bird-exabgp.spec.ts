import { PYTHON } from '../../../bench/cases/api-helper';
import {
  checkHelperTally,
  countHelperCommand,
  EXABGP_COUNT_HELPER,
  EXABGP_COUNT_PROCESS,
  exabgpReceiverConfig,
} from '../../../bench/cases/bird-exabgp';
import { slotFor } from '../../../bench/cases/case-types';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import type { HelperTally } from '../../../bench/measure/exabgp-count-watch';

describe('exabgpReceiverConfig', () => {
  const { sender, receiver } = slotFor(0);

  it('makes ExaBGP a passive neighbor of the sender that gives every received update to the helper as JSON', () => {
    const text = exabgpReceiverConfig({ sender, receiver, helper: [PYTHON, '/x/count.py', '--count', '5'] });
    expect(text).toContain(`process ${EXABGP_COUNT_PROCESS} {\n  run ${PYTHON} /x/count.py --count 5;\n  encoder json;\n  respawn false;\n}`);
    expect(text).toContain(`neighbor ${sender.address} {`);
    expect(text).toContain(`  router-id ${receiver.routerId};\n  local-address ${receiver.address};\n  local-as ${receiver.asn};\n  peer-as ${sender.asn};\n  passive true;`);
    expect(text).toContain(`api { processes [ ${EXABGP_COUNT_PROCESS} ]; neighbor-changes; receive { parsed; update; } }`);
    expect(text).toContain('family { ipv4 unicast; }');
  });

  it('refuses helper arguments that ExaBGP would split or cut (spaces, commas, semicolons, braces)', () => {
    for (const word of ['a b', '1,2', 'x;', '{']) {
      expect(() => exabgpReceiverConfig({ sender, receiver, helper: [PYTHON, word] })).toThrow(/cannot be written in a run line/);
    }
  });
});

describe('countHelperCommand', () => {
  it('passes the run, one --mark per milestone and a whole number of seconds', () => {
    const routes = new Ipv4PrefixRun('10.0.0.0', 1000);
    expect(countHelperCommand({ routes, marks: [990, 1000], maxSeconds: 12.2 })).toEqual([
      PYTHON,
      EXABGP_COUNT_HELPER,
      '--first',
      '10.0.0.0',
      '--count',
      '1000',
      '--mark',
      '990',
      '--mark',
      '1000',
      '--max-seconds',
      '13',
    ]);
  });
});

describe('checkHelperTally', () => {
  const exact: HelperTally = {
    why: 'eor',
    distinct: 4,
    count: 4,
    entries: 5,
    duplicates: 1,
    unexpected: 0,
    withdrawn: 0,
    otherFamilies: 0,
    updates: 2,
    eors: 1,
    strays: 0,
    lines: 5,
    events: { state: 2, update: 3 },
    cpuSeconds: 0.1,
  };

  it('passes exactly the run, repeats reported', () => {
    const { checks, problems } = checkHelperTally(exact, 4);
    expect(problems).toEqual([]);
    expect(checks).toEqual([
      'helper (json.loads per line), tally at eor: 4 distinct of 4 expected prefixes, 5 nlri entries, 1 repeated, 0 unexpected, 0 withdrawn',
      'the set of announced prefixes equals the run sent',
      'events read by the helper: 5 lines, 2 state, 3 update; 2 updates, 1 End-of-RIB',
    ]);
  });

  it('fails a missing, stray or withdrawn prefix, a run of another size, non-JSON lines and other families', () => {
    expect(checkHelperTally({ ...exact, distinct: 3 }, 4).problems).toHaveLength(1);
    expect(checkHelperTally({ ...exact, unexpected: 1 }, 4).problems).toHaveLength(1);
    expect(checkHelperTally({ ...exact, withdrawn: 1 }, 4).problems).toHaveLength(1);
    expect(checkHelperTally(exact, 5).problems).toHaveLength(1);
    expect(checkHelperTally({ ...exact, strays: 2 }, 4).problems).toEqual(["2 lines on the helper's stdin were not JSON"]);
    expect(checkHelperTally({ ...exact, otherFamilies: 1 }, 4).problems).toEqual(['1 updates carried another family than ipv4 unicast']);
    expect(checkHelperTally({ ...exact, distinct: 3 }, 4).checks).not.toContain('the set of announced prefixes equals the run sent');
  });
});
