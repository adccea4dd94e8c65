// One reading of an Ollama host that does not work, whichever screen asks: status, catalog, models, chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import {
  notOllamaMessage,
  unreachableMessage,
} from '../../src/main/services/providers/ollama/map-error'
import { FileSecretStore } from '../../src/main/services/secrets'
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server'
import { makeTempDir, writeWorkspace } from './helpers'

let ollama: FakeOllama
let temp: Awaited<ReturnType<typeof makeTempDir>>

beforeAll(async () => {
  ollama = await startFakeOllama({ models: ['phi3:mini'] })
  temp = await makeTempDir()
})
afterAll(async () => {
  await ollama.close()
  await temp.cleanup()
})

async function sessionFor(baseUrl: string, name: string) {
  const workspace = `${temp.dir}/${name}`
  await writeWorkspace(workspace, { ollama_settings_for_factory: { base_url_override: baseUrl } })
  return createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
}

/** Every way the app asks the host, each answer reduced to the sentence a person reads. */
async function messagesFor(baseUrl: string, name: string) {
  const session = await sessionFor(baseUrl, name)
  const handlers = createApiHandlers({ session, version: '1', transport: 'web' })
  const dispatch = createDispatcher(handlers)
  const status = await handlers['ollama:status']({})
  const overview = await handlers['catalog:list']({})
  const models = await handlers['chat:models']({ provider: 'ollama' })
  const listed = await dispatch('ollama:list', {})
  const handler = await session.current.factory.createLlmHandler({
    provider: 'ollama',
    model: 'phi3:mini',
  })
  const chat = await handler.generateText('hello').catch((error: unknown) => error)
  return {
    statusBar: status.message,
    cloudRunModels: overview.installed.message,
    playgroundModels: models.error?.message,
    localModels: listed.ok ? undefined : listed.error.message,
    playgroundChat: (chat as { code?: string; message?: string }).message,
    chatCode: (chat as { code?: string }).code,
  }
}

describe('an Ollama host that does not work', () => {
  it('reads a server answering 404 (not Ollama there) the same way on every screen', async () => {
    const baseUrl = `${ollama.url}/v1`
    const seen = await messagesFor(baseUrl, 'wrong-path')
    const message = notOllamaMessage(baseUrl, 404)

    expect(seen).toEqual({
      statusBar: message,
      cloudRunModels: `${message} Installed status is unknown.`,
      playgroundModels: message,
      localModels: message,
      playgroundChat: message,
      chatCode: 'unreachable',
    })
  })

  it('reads a host where nothing answers the same way on every screen', async () => {
    const baseUrl = 'http://127.0.0.1:9'
    const seen = await messagesFor(baseUrl, 'nothing')
    const message = unreachableMessage(baseUrl)

    expect(seen).toEqual({
      statusBar: message,
      cloudRunModels: `${message} Installed status is unknown.`,
      playgroundModels: message,
      localModels: message,
      playgroundChat: message,
      chatCode: 'unreachable',
    })
  })

  it("still reads Ollama's own 404 for a model it lacks as a missing model", async () => {
    const session = await sessionFor(ollama.url, 'real-ollama')
    const handler = await session.current.factory.createLlmHandler({
      provider: 'ollama',
      model: 'mistral:7b',
    })
    await expect(handler.generateText('hello')).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringContaining('is not installed on') as string,
    })
  })
})
