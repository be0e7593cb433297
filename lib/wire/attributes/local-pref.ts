/** LOCAL_PREF, RFC 4271 §5.1.5: well-known, sent to internal peers only, 4 octets. */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import { u32Attribute } from './u32-attribute';

export const localPref = u32Attribute(
  {
    code: AttrType.LOCAL_PREF,
    name: 'LOCAL_PREF',
    flags: AttrFlag.TRANSITIVE,
    // RFC 7606 §7.5: from an internal peer, a length other than 4 => treat-as-withdraw; from an
    // external one it "SHALL be discarded using the approach of attribute discard".
    malformed: AttrAction.TREAT_AS_WITHDRAW,
    malformedFromExternal: AttrAction.DISCARD,
  },
  (into, value) => {
    into.attributes.localPref = value;
  },
  (parts) => parts.attributes.localPref,
);
