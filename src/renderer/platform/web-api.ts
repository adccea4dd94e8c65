// AppApi over serve mode's HTTP API: POST /api/<channel> with the token, events over SSE.
import type { EventPayload } from '../../shared/contract'
import { createApiMethods } from '../../shared/contract'
import type { AppApi } from './app-api'
import { asApiResult, unwrapResult } from './app-api'
import { SseClient } from './sse-client'

export const TOKEN_STORAGE_KEY = 'mindx.studio.token'

export interface WebAppApiOptions {
  token: string
  /** Origin of the serve-mode server; '' means this page's own origin. */
  baseUrl?: string
  fetch?: typeof fetch
}

export function createWebAppApi(options: WebAppApiOptions): AppApi {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
  const base = options.baseUrl ?? ''
  const methods = createApiMethods(async (channel, input) => {
    const response = await fetchImpl(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = undefined
    }
    return unwrapResult(asApiResult(body, channel))
  })
  const events = new SseClient({
    url: `${base}/api/events`,
    token: options.token,
    fetch: fetchImpl,
  })
  return {
    ...methods,
    transport: 'web',
    on: (event, listener) =>
      events.subscribe(event, (payload) => listener(payload as EventPayload<typeof event>)),
  }
}

export interface TokenSources {
  location: Pick<Location, 'href'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'>
}

/**
 * Reads `?token=` once, keeps it in sessionStorage and removes it from the address bar (so it is
 * not bookmarked, shared or left in history); later loads of the tab use the stored one.
 */
export function takeToken(sources: TokenSources): string | null {
  const url = new URL(sources.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sources.storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    sources.history.replaceState(sources.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sources.storage.getItem(TOKEN_STORAGE_KEY)
}
