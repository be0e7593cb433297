/**
 * Reading a policy's options from the config. The chain logs whatever a factory throws and
 * withdraws the policy's routes until it is fixed (lib/policy/policy-chain.ts, fail closed), so
 * each check throws an Error that names the option and says what was expected: a typo in an
 * option name is an error too, not a silent default.
 *
 * Not a policy: a helper the example policies beside it require.
 */

/** "options.rules[0].prepend: expected an integer from 0 to 255, got "two"". */
function optionError(path, expected, value) {
  return new Error(`options.${path}: expected ${expected}, got ${describe(value)}`);
}

function describe(value) {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws unless `value` is a plain object whose keys are all in `known`. */
function checkObject(value, path, known) {
  const where = path === '' ? 'options' : `options.${path}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new Error(`${where}: unknown option "${key}" (known: ${known.join(', ')})`);
  }
  return value;
}

/** A number from min to max (an integer when `integer`), or `fallback` when absent (undefined: required). */
function numberOption(object, name, path, { min, max, integer = false, fallback }) {
  const value = object[name];
  if (value === undefined && fallback !== undefined) return fallback;
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) throw optionError(path, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  return value;
}

/** A list of strings (at least `minItems`), or `fallback` when absent (undefined: required). */
function stringListOption(object, name, path, { minItems = 0, fallback } = {}) {
  const value = object[name];
  if (value === undefined && fallback !== undefined) return fallback;
  if (!Array.isArray(value) || value.length < minItems || !value.every((v) => typeof v === 'string')) {
    throw optionError(path, `a list of ${minItems > 0 ? `at least ${minItems} ` : ''}strings`, value);
  }
  return value;
}

module.exports = { optionError, checkObject, numberOption, stringListOption };
