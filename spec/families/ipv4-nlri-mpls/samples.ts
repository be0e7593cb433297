import type { FamilySamples } from '../family-samples';

/**
 * Labeled IPv4 (RFC 8277): one label and a stack of three, the shortest and longest prefixes,
 * the largest label, a withdrawal's 0x800000 (no bottom-of-stack bit, RFC 8277 §2.4) and a label
 * with TC bits, which keep their raw entry.
 */
export const samples: FamilySamples = {
  texts: [
    '10.0.0.0/25 label 1000',
    '10.0.0.0/25 label 1001',
    '0.0.0.0/0 label [ 16 17 18 ]',
    '192.0.2.1/32 label 1048575',
    '198.51.100.0/24 label 524288 (8388608)',
    '203.0.113.0/24 label 3 (55)',
  ],
  nextHop: ['192.0.2.254'],
};
