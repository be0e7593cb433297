/** MULTI_EXIT_DISC, RFC 4271 §5.1.4: optional non-transitive, 4 octets. */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import { u32Attribute } from './u32-attribute';

export const multiExitDisc = u32Attribute(
  {
    code: AttrType.MULTI_EXIT_DISC,
    name: 'MULTI_EXIT_DISC',
    flags: AttrFlag.OPTIONAL,
    // RFC 7606 §7.4: length other than 4 => treat-as-withdraw.
    malformed: AttrAction.TREAT_AS_WITHDRAW,
  },
  (into, value) => {
    into.attributes.med = value;
  },
  (parts) => parts.attributes.med,
);
