// Specifies OllamaAdmin's model management (list, show, ps, delete, unload) against the fake Ollama server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OllamaAdmin } from '../../../src/main/services/ollama-admin'
import { startFakeOllama } from '../../fakes/ollama-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import { llmErrorOf } from '../../helpers/provider-calls'

let fake: FakeOllama
let admin: OllamaAdmin

beforeEach(async () => {
  fake = await startFakeOllama({
    models: ['phi3:mini', { name: 'llama3.2:1b', size: 1_300_000_000 }],
    running: ['phi3:mini'],
    version: '0.9.3',
  })
  admin = new OllamaAdmin({ baseUrl: fake.url })
})
afterEach(async () => {
  await fake.close()
})

describe('OllamaAdmin', () => {
  it('reports the server version', async () => {
    expect(await admin.version()).toBe('0.9.3')
  })

  it('lists installed models with size, digest and details', async () => {
    const models = await admin.list()

    expect(models.map((m) => m.name)).toEqual(['phi3:mini', 'llama3.2:1b'])
    expect(models[1]).toEqual({
      name: 'llama3.2:1b',
      size: 1_300_000_000,
      digest: fake.state.installed[1]?.digest,
      modifiedAt: '2025-01-15T10:00:00.000Z',
      family: 'llama',
      parameterSize: '1B',
      quantization: 'Q4_K_M',
    })
  })

  it('shows a model’s modelfile, parameters, template, license and details', async () => {
    const info = await admin.show('llama3.2:1b')

    expect(info.name).toBe('llama3.2:1b')
    expect(info.modelfile).toContain('FROM llama3.2:1b')
    expect(info.parameters).toContain('temperature')
    expect(info.template).toContain('{{ .Prompt }}')
    expect(info.license).toBe('MIT License')
    expect(info.details).toEqual({
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameterSize: '1B',
      quantization: 'Q4_K_M',
    })
    expect(fake.requestsTo('/api/show')[0]?.body).toEqual({ model: 'llama3.2:1b' })
  })

  it('rejects show for a model that is not installed with model_not_found', async () => {
    const error = await llmErrorOf(() => admin.show('mistral:7b'))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'mistral:7b' })
  })

  it('lists running models with memory and VRAM use and when they unload', async () => {
    const running = await admin.ps()

    expect(running).toEqual([
      {
        name: 'phi3:mini',
        size: fake.state.installed[0]?.size,
        sizeVram: fake.state.installed[0]?.size,
        expiresAt: '2099-01-01T00:00:00Z',
      },
    ])
  })

  it('unloads a running model by generating with keep_alive 0', async () => {
    await admin.unload('phi3:mini')

    expect(await admin.ps()).toEqual([])
    expect(fake.requestsTo('/api/generate')[0]?.body).toMatchObject({
      model: 'phi3:mini',
      keep_alive: 0,
    })
  })

  it('deletes an installed model', async () => {
    await admin.delete('llama3.2:1b')

    expect((await admin.list()).map((m) => m.name)).toEqual(['phi3:mini'])
    expect(fake.requestsTo('/api/delete')[0]?.method).toBe('DELETE')
  })

  it('rejects deleting a model that is not installed with model_not_found', async () => {
    const error = await llmErrorOf(() => admin.delete('mistral:7b'))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404 })
    expect(error.message).toBe(
      `Model mistral:7b is not installed on ${fake.url} — nothing to delete.`,
    )
  })

  it('sends the configured headers with admin requests', async () => {
    const secured = new OllamaAdmin({ baseUrl: fake.url, headers: { Authorization: 'Bearer k' } })

    await secured.list()
    await secured.ps()

    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(['Bearer k', 'Bearer k'])
  })

  it('maps HTTP failures to LlmError (401 → auth, 500 → provider)', async () => {
    fake.fail({ status: 401, path: '/api/tags' })
    fake.fail({ status: 500, path: '/api/ps' })

    expect(await llmErrorOf(() => admin.list())).toMatchObject({ code: 'auth', status: 401 })
    expect(await llmErrorOf(() => admin.ps())).toMatchObject({ code: 'provider', status: 500 })
  })

  it('reports a server that is down as unreachable', async () => {
    const down = fake
    fake = await startFakeOllama()
    await down.close()

    const error = await llmErrorOf(() => new OllamaAdmin({ baseUrl: down.url }).version())

    expect(error.code).toBe('unreachable')
    expect(error.message).toBe(
      `Ollama is not reachable at ${down.url} — is \`ollama serve\` running?`,
    )
  })
})
