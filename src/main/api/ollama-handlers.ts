// The `ollama:*` admin methods: list/show/ps/delete/unload per call, pulls in a queue per workspace+host.
import type { Channel } from '../../shared/contract'
import { DEFAULT_OLLAMA_BASE_URL } from '../../shared/llm'
import type { OllamaHosts, OllamaPull } from '../../shared/ollama'
import { normalizeHostUrl } from '../../shared/ollama'
import { OllamaAdmin } from '../services/ollama-admin'
import type { PullProgress } from '../services/ollama-admin'
import { readSavedHosts, writeSavedHosts } from '../services/ollama-admin/saved-hosts'
import type { ApiHandlers } from './dispatch'
import type { AppEventBus } from './event-bus'
import type { WorkspaceSession } from './workspace-session'

type OllamaAdminChannel = Exclude<Extract<Channel, `ollama:${string}`>, 'ollama:status'>
export type OllamaAdminHandlers = Pick<ApiHandlers, OllamaAdminChannel>

export interface OllamaHandlerDeps {
  session: WorkspaceSession
  /** Where pull progress goes (IPC/SSE forward it); absent in tests that do not listen. */
  events?: AppEventBus
  maxConcurrentPulls?: number
  /** Deadline for one list/show/ps/delete/unload request, so a silent host cannot hang the screen. */
  requestTimeoutMs?: number
}

interface Connection {
  baseUrl: string
  headers: Record<string, string>
}

const withHost = (host: string, progress: PullProgress): OllamaPull => ({ ...progress, host })

export function createOllamaAdminHandlers(deps: OllamaHandlerDeps): OllamaAdminHandlers {
  const timeoutMs = deps.requestTimeoutMs ?? 15_000
  const baseFetch = deps.session.fetch ?? globalThis.fetch
  // Pulls outlive the screen (and a workspace switch), so their admins are kept here, not per call.
  const pullAdmins = new Map<string, OllamaAdmin>()

  async function connectionFor(host: string | undefined): Promise<Connection> {
    const resolution = await deps.session.current.factory.resolve({ provider: 'ollama' })
    const configured = normalizeHostUrl(resolution.view.baseUrl ?? DEFAULT_OLLAMA_BASE_URL)
    const baseUrl = host ?? configured
    // Configured headers (e.g. a bearer token for a secured remote Ollama) belong to that server only.
    return { baseUrl, headers: baseUrl === configured ? resolution.headers : {} }
  }

  /** A short-lived admin whose every request carries a deadline. */
  async function adminFor(host: string | undefined): Promise<OllamaAdmin> {
    const { baseUrl, headers } = await connectionFor(host)
    const fetchWithDeadline: typeof fetch = (input, init) => {
      const deadline = AbortSignal.timeout(timeoutMs)
      const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline
      return baseFetch(input, { ...init, signal })
    }
    return new OllamaAdmin({ baseUrl, headers, fetch: fetchWithDeadline })
  }

  async function pullAdminFor(
    host: string | undefined,
  ): Promise<{ admin: OllamaAdmin; host: string }> {
    const { baseUrl, headers } = await connectionFor(host)
    const key = `${deps.session.current.workspace}\u0000${baseUrl}`
    let admin = pullAdmins.get(key)
    if (!admin) {
      admin = new OllamaAdmin({
        baseUrl,
        headers,
        fetch: baseFetch,
        maxConcurrentPulls: deps.maxConcurrentPulls ?? 2,
      })
      admin.pulls.subscribe((progress) =>
        deps.events?.emit('ollama:pullProgress', withHost(baseUrl, progress)),
      )
      pullAdmins.set(key, admin)
    }
    return { admin, host: baseUrl }
  }

  async function hosts(): Promise<OllamaHosts> {
    const workspace = deps.session.current.workspace
    const [resolution, file] = await Promise.all([
      deps.session.current.factory.resolve({ provider: 'ollama' }),
      readSavedHosts(workspace),
    ])
    const configured = normalizeHostUrl(resolution.view.baseUrl ?? DEFAULT_OLLAMA_BASE_URL)
    const fallback = resolution.fallbackUrl && {
      url: normalizeHostUrl(resolution.fallbackUrl.url),
      origin: resolution.fallbackUrl.origin,
    }
    const listed = new Set([configured, ...(fallback ? [fallback.url] : [])])
    const known = new Set([...listed, ...file.hosts.map((h) => h.url)])
    const selected = file.selected && known.has(file.selected) ? file.selected : configured
    return {
      configured,
      configuredOrigin: resolution.view.sources.baseUrl.origin,
      saved: file.hosts.filter((h) => !listed.has(h.url)),
      selected,
      ...(fallback && fallback.url !== configured ? { fallback } : {}),
    }
  }

  return {
    'ollama:pull': async ({ host, name }) => {
      const { admin } = await pullAdminFor(host)
      return { id: admin.pulls.enqueue(name) }
    },
    'ollama:cancelPull': async ({ host, id }) => {
      const { admin } = await pullAdminFor(host)
      return { cancelled: admin.pulls.cancel(id) }
    },
    'ollama:pulls': async ({ host }) => {
      const { admin, host: baseUrl } = await pullAdminFor(host)
      return admin.pulls.list().map((p) => withHost(baseUrl, p))
    },
    'ollama:clearPulls': async ({ host }) => {
      const { admin, host: baseUrl } = await pullAdminFor(host)
      admin.pulls.clearFinished()
      return admin.pulls.list().map((p) => withHost(baseUrl, p))
    },
    'ollama:list': async ({ host }) => (await adminFor(host)).list(),
    'ollama:show': async ({ host, name }) => (await adminFor(host)).show(name),
    'ollama:ps': async ({ host }) => (await adminFor(host)).ps(),
    'ollama:delete': async ({ host, name }) => {
      await (await adminFor(host)).delete(name)
      return { deleted: name }
    },
    'ollama:unload': async ({ host, name }) => {
      await (await adminFor(host)).unload(name)
      return { unloaded: name }
    },
    'ollama:hosts': hosts,
    'ollama:saveHosts': async ({ hosts: saved, selected }) => {
      await writeSavedHosts(deps.session.current.workspace, {
        hosts: saved,
        ...(selected ? { selected } : {}),
      })
      return hosts()
    },
    'ollama:pullSuggestions': async () => {
      const catalog = await deps.session.current.factory.catalog()
      return catalog.entries.map((entry) => ({
        name: entry.ollama_name,
        type: entry.type,
        estMemoryGb: entry.est_memory_needed_gb,
        ...(entry.notes ? { notes: entry.notes } : {}),
      }))
    },
  }
}
