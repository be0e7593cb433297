/**
 * `exabgp --decode` (ExaBGP 4.2, Debian's) as the oracle for the ExaBGP JSON of FlowSpec UPDATEs,
 * beside this project's JSON for the same bytes (lib/families/flowspec through the test helpers).
 * As in spec/interop/flowspec-exabgp-differential.spec.ts: ExaBGP 4.2 needs exabgp.log.short=true
 * on Python 3.11, and a config naming the flow families so it decodes them.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { flowExtendedCommunityText } from '../../../lib/families/flowspec';
import { announceJson, decodeField, isFlowField, withdrawJson } from '../../families/flowspec/helpers/flow-json';
import { mpFields } from '../../families/flowspec/helpers/mp-attributes';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';

const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };
const CONFIG = `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65001;
  family { ipv4 flow; ipv6 flow; ipv4 flow-vpn; ipv6 flow-vpn; }
}
`;

/** Decodes hex UPDATEs with exabgp, two at a time; each answer is the "message" JSON, or "FAILED ..." with its last words. */
export async function exabgpDecode(hexes: readonly string[]): Promise<string[]> {
  const dir = makeTempDir('flow-exabgp');
  const config = path.join(dir, 'flow.conf');
  fs.writeFileSync(config, CONFIG);
  try {
    const out = new Array<string>(hexes.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < hexes.length) {
        const i = next++;
        out[i] = await decodeOne(hexes[i]!, config);
      }
    };
    await Promise.all([worker(), worker()]);
    return out;
  } finally {
    removeTempDir(dir);
  }
}

function decodeOne(hex: string, config: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('exabgp', ['--decode', hex, config], { env: EXABGP_ENV, timeout: 30000, maxBuffer: 1 << 24 }, (error, stdout) => {
      const line = /update json (\{.*\})\s*$/m.exec(stdout);
      const message = line ? /"message": (.*) \} \}$/.exec(line[1]!) : null;
      resolve(message ? message[1]! : `FAILED ${error?.message ?? ''} ${stdout.slice(-300)}`);
    });
  });
}

/** This project's "announce" / "withdraw" JSON parts for the flow NLRI of one UPDATE. */
export function ourFlowJson(message: Buffer): string[] {
  const fields = mpFields(message);
  const out: string[] = [];
  for (const field of [fields.unreach, fields.reach].filter(isFlowField)) {
    const run = decodeField(fields.buf, field);
    if (run.errors?.length) out.push(`MALFORMED ${JSON.stringify(run.errors)}`);
    if (run.rules.length) out.push(field === fields.reach ? announceJson(field, run) : withdrawJson(field, run));
  }
  return out;
}

/** The rule count (announced or withdrawn) in one UPDATE's flow NLRI; 0 for End-of-RIB. */
export function flowRuleCount(message: Buffer): number {
  const fields = mpFields(message);
  return [fields.unreach, fields.reach].filter(isFlowField).reduce((n, f) => n + decodeField(fields.buf, f).rules.length, 0);
}

/** ExaBGP's `{ "value": N, "string": "..." }` pairs of the extended-community attribute. */
export function exabgpCommunityTexts(json: string): Array<[bigint, string]> {
  const section = /"extended-community": \[ (.*?) \]/.exec(json)?.[1] ?? '';
  return [...section.matchAll(/\{ "value": (\d+), "string": "([^"]*)" \}/g)].map((m) => [BigInt(m[1]!), m[2]!]);
}

/** Our text for each extended community ExaBGP listed (undefined where the codec names none). */
export function ourCommunityTexts(json: string): Array<[string, string | undefined]> {
  return exabgpCommunityTexts(json).map(([value, text]) => [text, flowExtendedCommunityText(value)]);
}
