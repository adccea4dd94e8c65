// catalog:* — the Cloud Run catalog with what the Ollama host has installed; entry, order and default writes.
import type { CatalogTier } from '../../shared/catalog'
import { CATALOG_TIERS } from '../../shared/catalog'
import type { CatalogEntryConfig, CloudRunModelsConfig } from '../../shared/config-schema'
import { DEFAULT_OLLAMA_BASE_URL } from '../../shared/llm'
import type { CatalogOverview, InstalledModels } from '../../shared/studio-config'
import type { JsonEdit } from '../services/config/json-file-edit'
import { editFactoryConfigFile } from '../services/config/json-file-edit'
import { DEFAULT_CLOUD_RUN_MODELS } from '../services/catalog'
import { OllamaAdmin } from '../services/ollama-admin'
import { ollamaHostProblem } from '../services/providers/ollama/map-error'
import { AppError } from './app-error'
import type { ApiHandlers } from './dispatch'
import type { StudioContext } from './studio-context'

export type CatalogHandlers = Pick<
  ApiHandlers,
  | 'catalog:list'
  | 'catalog:saveEntry'
  | 'catalog:removeEntry'
  | 'catalog:setOrder'
  | 'catalog:makeDefault'
>

const CLOUD_RUN = ['ollama_settings_for_factory', 'cloud_run_friendly_models']
const PREFERENCE_ORDERS = [
  'default_coding_preference_order',
  'default_general_preference_order',
] as const

export interface CatalogHandlerOptions {
  /** Deadline for asking the Ollama host what it has installed. */
  installedTimeoutMs?: number
}

export function createCatalogHandlers(
  context: StudioContext,
  options: CatalogHandlerOptions = {},
): CatalogHandlers {
  const installedModels = async (
    baseUrl: string,
    headers: Record<string, string>,
  ): Promise<InstalledModels> => {
    const baseFetch = context.session.fetch ?? globalThis.fetch
    const deadline = AbortSignal.timeout(options.installedTimeoutMs ?? 3000)
    const fetchWithDeadline: typeof fetch = (input, init) =>
      baseFetch(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
      })
    try {
      const models = await new OllamaAdmin({ baseUrl, headers, fetch: fetchWithDeadline }).list()
      return { reachable: true, baseUrl, names: models.map((m) => m.name) }
    } catch (error) {
      const message = `${ollamaHostProblem(error, baseUrl)} Installed status is unknown.`
      return { reachable: false, baseUrl, names: [], message }
    }
  }

  const overview = async (): Promise<CatalogOverview> => {
    const { services, ws } = await context.readConfig()
    const ollama = await services.factory.resolve({ provider: 'ollama' })
    const [catalog, installed] = await Promise.all([
      services.factory.catalog(),
      installedModels(ollama.view.baseUrl ?? DEFAULT_OLLAMA_BASE_URL, ollama.headers),
    ])
    const override = ws.factory.data.ollama_settings_for_factory?.default_model_override
    return {
      catalog,
      installed,
      defaultModelOverride: override === undefined || override.trim() === '' ? null : override,
      ollamaView: ollama.view,
      configPath: ws.factory.path,
    }
  }

  const writeCloudRun = (plan: (cloudRun: CloudRunModelsConfig) => JsonEdit[]) =>
    context.write(async () => {
      const { ws } = await context.readConfig()
      const cloudRun = ws.factory.data.ollama_settings_for_factory?.cloud_run_friendly_models ?? {}
      const edits = plan(cloudRun).map((edit) => ({ ...edit, path: [...CLOUD_RUN, ...edit.path] }))
      if (edits.length > 0) await editFactoryConfigFile(ws.factory.path, edits)
    })

  return {
    'catalog:list': overview,
    'catalog:saveEntry': async ({ tier, entry, previousId }) => {
      await writeCloudRun((cloudRun) => saveEntryEdits(cloudRun, tier, entry, previousId))
      return overview()
    },
    'catalog:removeEntry': async ({ id }) => {
      await writeCloudRun((cloudRun) => {
        const inJson = CATALOG_TIERS.some((t) => (cloudRun[t] ?? []).some((e) => e.id === id))
        if (!inJson) {
          throw new AppError(
            'not_found',
            `${id} is a built-in entry; it cannot be removed, only overridden by editing it.`,
          )
        }
        const edits = CATALOG_TIERS.flatMap((t) =>
          tierEdit(cloudRun, t, (list) => list.filter((e) => e.id !== id)),
        )
        // An id that is gone for good leaves the json's orders too (a built-in one stays).
        const builtIn = CATALOG_TIERS.some((t) =>
          DEFAULT_CLOUD_RUN_MODELS[t].some((e) => e.id === id),
        )
        if (builtIn) return edits
        for (const order of PREFERENCE_ORDERS) {
          const ids = cloudRun[order]
          if (ids?.includes(id)) edits.push({ path: [order], value: ids.filter((x) => x !== id) })
        }
        return edits
      })
      return overview()
    },
    'catalog:setOrder': async ({ order, ids }) => {
      await writeCloudRun(() => [{ path: [`default_${order}_preference_order`], value: ids }])
      return overview()
    },
    'catalog:makeDefault': async ({ ollamaName }) => {
      await context.write(async () =>
        editFactoryConfigFile((await context.readConfig()).ws.factory.path, [
          {
            path: ['ollama_settings_for_factory', 'default_model_override'],
            value: ollamaName ?? undefined,
          },
        ]),
      )
      return overview()
    },
  }
}

type Entries = CatalogEntryConfig[]

/** An edit replacing one tier's list, only when `change` altered it. */
function tierEdit(
  cloudRun: CloudRunModelsConfig,
  tier: CatalogTier,
  change: (list: Entries) => Entries,
): JsonEdit[] {
  const before = cloudRun[tier] ?? []
  const after = change(before)
  if (after.length === before.length && after.every((e, i) => e === before[i])) return []
  return [{ path: [tier], value: after.length > 0 ? after : undefined }]
}

function saveEntryEdits(
  cloudRun: CloudRunModelsConfig,
  tier: CatalogTier,
  entry: CatalogEntryConfig,
  previousId: string | undefined,
): JsonEdit[] {
  const ids = new Set([entry.id, previousId ?? entry.id])
  const edits: JsonEdit[] = []
  for (const t of CATALOG_TIERS) {
    edits.push(
      ...tierEdit(cloudRun, t, (list) => {
        const at = list.findIndex((e) => ids.has(e.id))
        if (t !== tier) return list.filter((e) => !ids.has(e.id))
        // Keep unknown keys of the entry being edited; replace in place to keep the json's order.
        const merged = { ...(at === -1 ? {} : list[at]), ...entry }
        const rest = list.filter((e) => !ids.has(e.id))
        return at === -1 ? [...list, merged] : [...rest.slice(0, at), merged, ...rest.slice(at)]
      }),
    )
  }
  // A renamed id keeps its places in the preference orders the json sets.
  if (previousId !== undefined && previousId !== entry.id) {
    for (const order of PREFERENCE_ORDERS) {
      const ids = cloudRun[order]
      if (ids?.includes(previousId)) {
        edits.push({ path: [order], value: ids.map((id) => (id === previousId ? entry.id : id)) })
      }
    }
  }
  return edits
}
