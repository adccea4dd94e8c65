// Where API keys entered in the app live: never in llm_factory_config.json, only referenced from it.

/** A config value `"secret:NAME"` means "the key stored under NAME in the SecretStore". */
export const SECRET_REF_PREFIX = 'secret:'

export function secretRef(name: string): string {
  return SECRET_REF_PREFIX + name
}

/** The store name a config value refers to, or undefined for an ordinary value. */
export function secretRefName(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith(SECRET_REF_PREFIX)) return undefined
  const name = value.slice(SECRET_REF_PREFIX.length).trim()
  return name === '' ? undefined : name
}

export interface SecretStore {
  /** Human description used in provenance (e.g. "OS keychain", ".mindx/secrets.json"). */
  readonly label: string
  get(name: string): Promise<string | undefined>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
  /** Every stored secret (the factory loads them once per config load). */
  readAll(): Promise<Record<string, string>>
}
