// The contract table: naming rules, error codes, and the nested api.<domain>.<verb> surface.
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ApiMethods, MethodInput, MethodOutput } from '../../src/shared/contract'
import {
  APP_ERROR_CODES,
  CHANNELS,
  EVENT_NAMES,
  createApiMethods,
  errorCodesOf,
  isChannel,
  methods,
} from '../../src/shared/contract'
import type { ResolutionView } from '../../src/shared/resolution'

describe('contract', () => {
  it('names every channel and event domain:verb, with a JS-identifier verb', () => {
    for (const name of [...CHANNELS, ...EVENT_NAMES])
      expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/)
  })

  it('declares only known error codes and always allows the common ones', () => {
    for (const channel of CHANNELS) {
      for (const code of errorCodesOf(channel)) expect(APP_ERROR_CODES).toContain(code)
      expect(errorCodesOf(channel)).toEqual(expect.arrayContaining(['invalid_input', 'internal']))
    }
  })

  it('has the methods the shell needs', () => {
    expect(CHANNELS).toEqual(
      expect.arrayContaining(['app:info', 'factory:resolve', 'ollama:status']),
    )
    expect(isChannel('app:info')).toBe(true)
    expect(isChannel('toString')).toBe(false)
  })

  it('rejects unknown keys and treats blank strings as unset', () => {
    const input = methods['factory:resolve'].input
    expect(input.safeParse({ provider: 'groq', extra: 1 }).success).toBe(false)
    expect(input.parse({ provider: '  ', model: 'm' })).toEqual({ provider: undefined, model: 'm' })
  })

  it('builds api.<domain>.<verb> that calls the right channel with {} for no input', async () => {
    const seen: [string, unknown][] = []
    const api = createApiMethods((channel, input) => {
      seen.push([channel, input])
      return Promise.resolve(channel)
    })
    await api.app.info()
    await api.factory.resolve({ provider: 'groq' })
    expect(seen).toEqual([
      ['app:info', {}],
      ['factory:resolve', { provider: 'groq' }],
    ])
  })

  it('derives the call types from the table', () => {
    expectTypeOf<MethodOutput<'factory:resolve'>>().toEqualTypeOf<ResolutionView>()
    expectTypeOf<MethodInput<'factory:resolve'>>().toHaveProperty('provider')
    expectTypeOf<
      ApiMethods['factory']['resolve']
    >().returns.resolves.toEqualTypeOf<ResolutionView>()
    // Methods without required input can be called with no argument.
    expectTypeOf<ApiMethods['app']['info']>().toBeCallableWith()
  })
})
