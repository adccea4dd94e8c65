// Gemini's model list: the SDK has no call for it, so a plain GET {base}/{version}/models, page by page.
import type { ProviderErrors } from '../http-errors'
import type { ProviderModel } from '../types'
import { googleHttpFailure } from './map-error'

export interface ModelListRequest {
  baseUrl: string
  apiVersion: string
  apiKey: string
  headers: Record<string, string>
  fetch: typeof fetch
  errors: ProviderErrors
  signal?: AbortSignal
}

interface GoogleModel {
  name?: string
  displayName?: string
  supportedGenerationMethods?: string[]
}

interface ModelPage {
  models?: GoogleModel[]
  nextPageToken?: string
  error?: { message?: string; details?: Record<string, unknown>[] }
}

async function fetchPage(request: ModelListRequest, pageToken?: string): Promise<ModelPage> {
  const url = new URL(`${request.baseUrl}/${request.apiVersion}/models`)
  url.searchParams.set('pageSize', '1000')
  if (pageToken) url.searchParams.set('pageToken', pageToken)
  const response = await request.fetch(url, {
    headers: { ...request.headers, 'x-goog-api-key': request.apiKey },
    signal: request.signal,
  })
  let page: ModelPage
  try {
    page = (await response.json()) as ModelPage
  } catch (error) {
    if (!response.ok) throw request.errors.http({ status: response.status }, error)
    // Headers arrived, the body did not: the connection died, or something else answered.
    if (error instanceof TypeError) throw request.errors.connectionLost(error)
    throw request.errors.unexpected(error, 'the model list was not JSON')
  }
  if (!response.ok) {
    const { status, headers } = response
    const failure = googleHttpFailure(status, page.error?.message, page.error?.details, headers)
    throw request.errors.http(failure)
  }
  return page
}

export async function listGeminiModels(request: ModelListRequest): Promise<ProviderModel[]> {
  const models: ProviderModel[] = []
  let pageToken: string | undefined
  do {
    const page = await fetchPage(request, pageToken)
    for (const model of page.models ?? []) {
      // Embedding-only models cannot answer a prompt; listing them would only offer dead choices.
      const methods = model.supportedGenerationMethods
      if (!model.name || (methods && !methods.includes('generateContent'))) continue
      models.push({ name: model.name.replace(/^models\//, ''), displayName: model.displayName })
    }
    pageToken = page.nextPageToken
  } while (pageToken)
  return models
}
