// A current mindX checkout (test/fixtures/mindx-checkout) read by the CLI and driven through real SDKs.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { startFakeGroq } from '../fakes/groq-server'
import type { FakeGroq } from '../fakes/groq-server'
import { startFakeOllama } from '../fakes/ollama-server'

const CHECKOUT = resolve('test/fixtures/mindx-checkout')
const FIXTURE_GROQ_KEY = 'gsk_fixture_not_a_real_key_0000000000'

let ollama: Awaited<ReturnType<typeof startFakeOllama>>
let groq: FakeGroq

beforeAll(async () => {
  ollama = await startFakeOllama({ models: ['qwen3:1.7b', 'phi3:mini'] })
  groq = await startFakeGroq({ apiKey: FIXTURE_GROQ_KEY, models: ['llama-3.3-70b-versatile'] })
})
afterAll(async () => {
  await ollama.close()
  await groq.close()
})

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const code = await runCli([...argv, '--workspace', CHECKOUT], env, CHECKOUT, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(undefined),
  })
  return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> }
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[path] = `${statSync(path).mtimeMs}:${readFileSync(path, 'utf8')}`
    }
  }
  walk(dir)
  return files
}

describe('resolve on a current mindX checkout', () => {
  it('takes vllm, first of the preference order, reads the llm section, warns about the broken json', async () => {
    const before = snapshot(CHECKOUT)
    const { code, json, err } = await cli(['resolve', '--json'])
    expect(code).toBe(0)
    expect(json()).toMatchObject({
      provider: 'vllm',
      model: 'Qwen/Qwen3-0.6B',
      baseUrl: 'http://127.0.0.1:18000',
      skipped: [],
      sources: {
        provider: { layer: 'factory-config', key: 'default_provider_preference_order[0]' },
        model: {
          layer: 'global-config',
          key: 'llm.vllm.default_model',
          origin: join(CHECKOUT, 'data/config/llm_factory_config.json'),
        },
      },
    })
    const ollama = await cli(['resolve', '--provider', 'ollama', '--json'])
    expect(ollama.json()).toMatchObject({
      provider: 'ollama',
      model: 'qwen3:1.7b',
      baseUrl: 'http://127.0.0.1:11434',
      handler: 'OllamaHandler',
      fallbackReason: null,
    })
    expect(err).toMatch(/zz_broken\.json:2:3/)
    expect(snapshot(CHECKOUT)).toEqual(before)
  })

  it('finds the Groq key under its single-underscore name in .env', async () => {
    const { json, out } = await cli(['resolve', '--provider', 'groq', '--json'])
    expect(json()).toMatchObject({
      apiKey: 'gsk_…0000',
      sources: {
        apiKey: { key: 'MINDX_LLM_GROQ_API_KEY', origin: 'dotenv:MINDX_LLM_GROQ_API_KEY' },
      },
    })
    expect(out).not.toContain(FIXTURE_GROQ_KEY)
  })

  it('lets the double-underscore name win over the single one', async () => {
    const { json } = await cli(['resolve', '--provider', 'ollama', '--json'], {
      MINDX_LLM_OLLAMA_DEFAULT_MODEL: 'single:1b',
      MINDX_LLM__OLLAMA__DEFAULT_MODEL: 'double:1b',
    })
    expect(json()).toMatchObject({
      model: 'double:1b',
      sources: {
        model: {
          key: 'MINDX_LLM__OLLAMA__DEFAULT_MODEL',
          origin: 'env:MINDX_LLM__OLLAMA__DEFAULT_MODEL',
        },
      },
    })
  })
})

describe('generate on a current mindX checkout, through the real SDKs', () => {
  it('sends llm.ollama.keep_alive with each Ollama request', async () => {
    const argv = ['generate', '--provider', 'ollama', '--prompt', 'hello checkout', '--json']
    const { code, json } = await cli(argv, {
      MINDX_LLM_OLLAMA_BASE_URL: ollama.url,
    })
    expect(code).toBe(0)
    expect(json()).toMatchObject({ provider: 'ollama', model: 'qwen3:1.7b' })
    expect(json().text).toContain('hello checkout')
    const chat = ollama.requestsTo('/api/chat').at(-1)
    expect(chat?.body).toMatchObject({ model: 'qwen3:1.7b', keep_alive: '10m' })
  })

  it('turns llm.ollama.timeout (seconds) into a timeout error', async () => {
    ollama.slow(3000)
    try {
      const argv = ['generate', '--provider', 'ollama', '--prompt', 'slow', '--json']
      const { code, json } = await cli(argv, {
        MINDX_LLM_OLLAMA_BASE_URL: ollama.url,
        MINDX_LLM__OLLAMA__TIMEOUT: '0.3',
      })
      expect(code).toBe(1)
      expect(json()).toMatchObject({ error: { code: 'timeout' } })
    } finally {
      ollama.slow(0)
    }
  })

  it('calls Groq with the .env key at the configured base URL (mindX style /openai/v1)', async () => {
    const { code, json } = await cli(
      ['generate', '--provider', 'groq', '--prompt', 'hi groq', '--json'],
      {
        MINDX_LLM_GROQ_BASE_URL: groq.openaiUrl,
      },
    )
    expect(code).toBe(0)
    expect(json()).toMatchObject({ provider: 'groq', model: 'llama-3.3-70b-versatile' })
    expect(groq.requests.at(-1)?.headers.authorization).toBe(`Bearer ${FIXTURE_GROQ_KEY}`)
  })

  it('reports a rejected key as auth', async () => {
    const { code, json } = await cli(
      ['generate', '--provider', 'groq', '--prompt', 'x', '--json'],
      {
        MINDX_LLM_GROQ_BASE_URL: groq.openaiUrl,
        MINDX_LLM__GROQ__API_KEY: 'gsk_wrong_key_000000000000',
      },
    )
    expect(code).toBe(1)
    expect(json()).toMatchObject({ error: { code: 'auth' } })
  })
})
