// The injected environment plus the workspace's .env, and the MINDX_ variable names of a dotted key.
import type { ConfigValue } from './types'

export type EnvRecord = Readonly<Record<string, string | undefined>>

/**
 * Looks variables up in the real (injected) environment first, then in the parsed `.env`.
 * Unlike mindX (which calls `load_dotenv(override=True)`), .env never overrides the real
 * environment: a variable exported in the shell is the user's most deliberate choice.
 */
export class Environment {
  constructor(
    private readonly real: EnvRecord,
    private readonly dotenv: EnvRecord,
  ) {}

  /** The winning value of a plain variable; an empty string counts as set, as in the shell. */
  get(name: string): ConfigValue | undefined {
    return this.lookup([name], name)[0]
  }

  /**
   * Every source setting any of `names`, winner first: all real variables (in the order of
   * `names`), then all .env ones. `key` is what the values report as their key.
   */
  lookup(names: readonly string[], key?: string): ConfigValue[] {
    const sources = [
      { record: this.real, prefix: 'env' },
      { record: this.dotenv, prefix: 'dotenv' },
    ]
    return sources.flatMap(({ record, prefix }) =>
      names.flatMap((name) => {
        const value = ownValue(record, name)
        return value === undefined ? [] : [{ value, key: key ?? name, origin: `${prefix}:${name}` }]
      }),
    )
  }
}

function ownValue(record: EnvRecord, name: string): string | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

/**
 * The variables that can set a dotted key, highest precedence first: `MINDX_A__B_C__D`
 * (double underscore = nesting, the v4 form) then `MINDX_A_B_C_D` (current mindX's
 * `"MINDX_" + key.upper().replace(".", "_")`). One name when the key has a single segment.
 */
export function envNamesForKey(key: string): string[] {
  const segments = key.split('.').map((segment) => segment.toUpperCase())
  const nested = `MINDX_${segments.join('__')}`
  const flat = `MINDX_${segments.join('_')}`
  return nested === flat ? [nested] : [nested, flat]
}

const ENV_REFERENCE = /^env:/i

/**
 * The variable a json string refers to with `"env:NAME"`, or undefined for an ordinary string.
 * The prefix is case-insensitive because mindX checks `value.lower().startswith("env:")`.
 */
export function envReferenceName(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ENV_REFERENCE.test(value)) return undefined
  return value.slice(4)
}
