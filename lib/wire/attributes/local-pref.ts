/** LOCAL_PREF, RFC 4271 §5.1.5: well-known, sent to internal peers only, 4 octets. */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import { u32Attribute } from './u32-attribute';

export const localPref = u32Attribute(
  {
    code: AttrType.LOCAL_PREF,
    name: 'LOCAL_PREF',
    flags: AttrFlag.TRANSITIVE,
    // RFC 7606 §7.5: length other than 4 => treat-as-withdraw. (One received from an external
    // peer is discarded whatever its form; the codec does not know the peer type, the session does.)
    malformed: AttrAction.TREAT_AS_WITHDRAW,
  },
  (into, value) => {
    into.attributes.localPref = value;
  },
  (parts) => parts.attributes.localPref,
);
