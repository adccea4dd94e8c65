// The shared call path: zod rejection shape, error mapping, redaction, no stacks.
import { describe, expect, it, vi } from 'vitest'
import { AppError, redactSecrets, toAppErrorData } from '../../src/main/api/app-error'
import { createDispatcher } from '../../src/main/api/dispatch'
import { ConfigFileError } from '../../src/main/services/config/types'
import { LlmError } from '../../src/shared/llm'
import { cannedHandlers } from './helpers'

describe('dispatcher', () => {
  it('returns the handler value for a valid call', async () => {
    const dispatch = createDispatcher(cannedHandlers())
    await expect(dispatch('app:info', {})).resolves.toEqual({
      ok: true,
      value: { workspace: '/ws', version: '1.2.3', transport: 'web' },
    })
  })

  it('rejects bad input as {code: invalid_input, message} without calling the handler', async () => {
    const resolve = vi.fn()
    const dispatch = createDispatcher(cannedHandlers({ 'factory:resolve': resolve }))
    const result = await dispatch('factory:resolve', { provider: 42 })
    expect(resolve).not.toHaveBeenCalled()
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message'])
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toContain('provider')
  })

  it('refuses inputs nested too deep or cyclic (IPC can send cycles) as invalid_input', async () => {
    const applyEdit = vi.fn()
    const dispatch = createDispatcher(cannedHandlers({ 'config:applyEdit': applyEdit }))
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = { a: deep }
    const cyclic: Record<string, unknown> = { b: 1 }
    cyclic.self = cyclic
    for (const value of [deep, cyclic]) {
      const result = await dispatch('config:applyEdit', { text: '{}', path: ['a'], value })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(applyEdit).not.toHaveBeenCalled()
  })

  it('answers not_found for an unknown channel', async () => {
    const result = await createDispatcher(cannedHandlers())('nope:nothing', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('maps declared failures and hides unexpected ones (message logged, never sent)', async () => {
    const log = vi.fn()
    const dispatch = createDispatcher(
      cannedHandlers({
        'factory:resolve': () =>
          Promise.reject(
            new ConfigFileError({ file: '/w/x.json', line: 2, column: 3, message: 'bad' }),
          ),
        'app:info': () => Promise.reject(new Error('secret stack detail gsk_abcdefghijkl')),
      }),
      { log },
    )
    expect(await dispatch('factory:resolve', {})).toEqual({
      ok: false,
      error: { code: 'config_invalid', message: '/w/x.json:2:3: bad' },
    })
    const internal = await dispatch('app:info', {})
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(internal)).not.toMatch(/secret|gsk_|at /)
    expect(log).toHaveBeenCalledOnce()
  })
})

describe('toAppErrorData', () => {
  it('keeps LlmError codes the method declares and drops undeclared ones to internal', () => {
    const error = new LlmError({ code: 'auth', message: 'Groq rejected the key' })
    expect(toAppErrorData(error, { allowed: ['auth'] })).toEqual({
      code: 'auth',
      message: 'Groq rejected the key',
    })
    expect(toAppErrorData(error, { allowed: ['internal'] }).code).toBe('internal')
    expect(toAppErrorData(new AppError('not_found', 'x'), { allowed: ['not_found'] }).code).toBe(
      'not_found',
    )
  })

  it('redacts keys and tokens from messages', () => {
    expect(redactSecrets('GET https://g.example/v1?key=AIzaSyABCDEF123&alt=sse')).toBe(
      'GET https://g.example/v1?key=…&alt=sse',
    )
    expect(redactSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer …')
    expect(redactSecrets('bad key gsk_1234567890abcdef')).toBe('bad key gsk_…')
    const error = new LlmError({ code: 'auth', message: 'key gsk_1234567890abcdef invalid' })
    expect(toAppErrorData(error, { allowed: ['auth'] }).message).toBe('key gsk_… invalid')
  })
})
