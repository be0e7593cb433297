/** BGP Extended Message capability, code 6 (RFC 8654 §3): Capability Length 0. */
import { CapabilityCode } from '../iana';
import { flagCapability } from './codec';

export const extendedMessage = flagCapability(CapabilityCode.EXTENDED_MESSAGE, 'extended-message', 'Extended Message');
