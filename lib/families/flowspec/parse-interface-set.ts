/**
 * ExaBGP's interface-set value (draft-ietf-idr-flowspec-interfaceset):
 * "transitive|non-transitive:input|output|input-output:AS:GROUP", GROUP in 14 bits.
 */
import type { FlowAction, InterfaceSetDirection } from './actions';

const DIRECTIONS: readonly string[] = ['input', 'output', 'input-output'];

export function parseInterfaceSet(text: string): FlowAction | string {
  const parts = text.split(':');
  const bad = 'expected an interface-set transitive|non-transitive:input|output|input-output:AS:GROUP';
  if (parts.length !== 4) return bad;
  const [transitivity, direction, asText, groupText] = parts;
  if (transitivity !== 'transitive' && transitivity !== 'non-transitive') return `${bad} (not "${transitivity}")`;
  if (!DIRECTIONS.includes(direction)) return `${bad} (not "${direction}")`;
  if (!/^\d{1,10}$/.test(asText) || Number(asText) > 0xffffffff) return 'the interface-set AS must be 0..4294967295';
  if (!/^\d{1,5}$/.test(groupText) || Number(groupText) > 0x3fff) return 'the interface-set GROUP must be 0..16383 (14 bits)';
  return {
    kind: 'interface-set',
    transitive: transitivity === 'transitive',
    direction: direction as InterfaceSetDirection,
    asn: Number(asText),
    group: Number(groupText),
  };
}
