// The Ollama provider: builds an OllamaProviderClient once ollama-js has loaded (a missing SDK rejects here).
import type { ProviderClientFactory } from '../types'
import { loadOllamaSdk, OllamaProviderClient } from './client'

const createOllamaClient: ProviderClientFactory = async (settings) => {
  const OllamaSdk = await loadOllamaSdk()
  return new OllamaProviderClient(OllamaSdk, settings)
}

export default createOllamaClient
export { OllamaProviderClient, openCall, loadOllamaSdk, toProviderModel } from './client'
export type { OllamaCall, OllamaConnection, OllamaConstructor } from './client'
export {
  mapError,
  unreachableMessage,
  notInstalledMessage,
  notOllamaMessage,
  ollamaHostProblem,
} from './map-error'
export type { OllamaErrorContext } from './map-error'
