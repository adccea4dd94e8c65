// Ollama Cloud through the real ollama-js SDK: the same protocol, with the API key as a bearer token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import createOllamaClient from '../../../src/main/services/providers/ollama'
import { startFakeOllama, type FakeOllama } from '../../fakes/ollama-server'
import { collect, connector, llmErrorOf, requestBuilder } from '../../helpers/provider-calls'

const KEY = 'ollama-cloud-test-key'

let fake: FakeOllama

beforeAll(async () => {
  fake = await startFakeOllama({ models: ['gpt-oss:120b'], apiKey: KEY })
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = connector(createOllamaClient, () => ({
  model: 'gpt-oss:120b',
  provider: 'ollama_cloud',
  apiKey: KEY,
  baseUrl: fake.url,
}))
const request = requestBuilder('gpt-oss:120b', 'hello there')

describe('Ollama Cloud provider', () => {
  it('sends the API key as a bearer token on chat, stream and model list', async () => {
    const client = await connect()

    await expect(client.generate(request())).resolves.toMatchObject({
      text: 'You said: hello there',
    })
    await collect(client.stream(request()))
    expect((await client.listModels()).map((model) => model.name)).toEqual(['gpt-oss:120b'])

    expect(fake.requests).toHaveLength(3)
    for (const recorded of fake.requests) {
      expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`)
    }
    expect(client.provider).toBe('ollama_cloud')
  })

  it('lets a configured Authorization header win over the key', async () => {
    const client = await connect({ apiKey: 'unused', headers: { authorization: `Bearer ${KEY}` } })

    await client.generate(request())
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('maps a refused key to auth, named for ollama_cloud, with where to set the key', async () => {
    const client = await connect({ apiKey: 'wrong-key' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'ollama_cloud' })
    expect(error.message).toContain('rejected the API key')
    expect(error.message).toContain('OLLAMA_API_KEY')
  })

  it('says a key is needed when none was sent', async () => {
    const client = await connect({ apiKey: undefined })
    const error = await llmErrorOf(client.listModels())

    expect(error).toMatchObject({ code: 'auth', status: 401 })
    expect(error.message).toContain('needs an API key')
    expect(fake.requests[0]?.headers).not.toHaveProperty('authorization')
  })
})
