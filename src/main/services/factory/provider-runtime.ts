// Per-provider settings outside the handler cache key: headers (secret refs resolved), keep_alive, timeout.
import type { ProviderDescriptor } from '../../../shared/providers'
import type { WorkspaceConfig } from '../config/types'
import { secretRefName } from '../secrets/types'
import type { SecretsSnapshot } from './resolve-fields'
import { factorySettings } from './resolve-fields'

export interface RuntimeSettings {
  /** Descriptor defaults, then custom_providers headers, then `<p>_settings_for_factory.headers`. */
  headers: Record<string, string>
  /** Headers whose `secret:NAME` is not in the store (calls then fail with `auth`, naming them). */
  missingSecrets: { header: string; secret: string }[]
  keepAlive?: string | number
  timeoutMs?: number
}

export function runtimeSettings(
  ws: WorkspaceConfig,
  descriptor: ProviderDescriptor,
  secrets: SecretsSnapshot,
): RuntimeSettings {
  const p = descriptor.name
  const headers: Record<string, string> = {}
  let missingSecrets: RuntimeSettings['missingSecrets'] = []
  const layers = [descriptor.defaultHeaders, factorySettings(ws, p).headers ?? {}]
  for (const layer of layers) {
    for (const [name, raw] of Object.entries(layer)) {
      // Header names are case-insensitive: a configured `x-title` replaces the default `X-Title`.
      for (const existing of Object.keys(headers)) {
        if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing]
      }
      missingSecrets = missingSecrets.filter((m) => m.header.toLowerCase() !== name.toLowerCase())
      const secret = secretRefName(raw)
      if (secret === undefined) {
        headers[name] = raw
      } else if (secrets.values[secret] !== undefined) {
        headers[name] = secrets.values[secret]
      } else {
        missingSecrets.push({ header: name, secret })
      }
    }
  }
  const keepAlive = ws.global.get(`llm.${p}.keep_alive`)?.value
  const timeout = Number(ws.global.get(`llm.${p}.timeout`)?.value)
  return {
    headers,
    missingSecrets,
    ...(typeof keepAlive === 'string' || typeof keepAlive === 'number' ? { keepAlive } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout * 1000 } : {}),
  }
}

/** Header changes typed but not saved: values set over the configured ones, names left out. */
export interface HeaderChanges {
  headers?: Record<string, string>
  removeHeaders?: string[]
}

/** The runtime settings with unsaved header changes applied (names compared case-insensitively). */
export function withHeaderChanges(
  runtime: RuntimeSettings,
  changes: HeaderChanges,
): RuntimeSettings {
  const replaced = [...Object.keys(changes.headers ?? {}), ...(changes.removeHeaders ?? [])].map(
    (name) => name.toLowerCase(),
  )
  const kept = (name: string) => !replaced.includes(name.toLowerCase())
  return {
    ...runtime,
    headers: {
      ...Object.fromEntries(Object.entries(runtime.headers).filter(([name]) => kept(name))),
      ...changes.headers,
    },
    missingSecrets: runtime.missingSecrets.filter((missing) => kept(missing.header)),
  }
}
