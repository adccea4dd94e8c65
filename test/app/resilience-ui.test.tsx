// @vitest-environment jsdom
// ProviderHealth on the fake AppApi (state, budget, last error, Reset) and the route line under answers.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProviderHealth } from '../../src/renderer/features/providers/health/ProviderHealth'
import { useProviderHealthStore } from '../../src/renderer/features/providers/health/health-store'
import { RouteLine } from '../../src/renderer/features/playground/RouteLine'
import { setAppApi } from '../../src/renderer/platform/current-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import type { EndpointHealth } from '../../src/shared/provider-health'

const open: EndpointHealth = {
  provider: 'groq',
  baseUrl: 'https://api.groq.com/openai/v1',
  role: 'base',
  state: 'circuit_open',
  until: '2026-01-01T12:00:30.000Z',
  consecutiveFailures: 3,
  circuitThreshold: 3,
  budget: {
    minute: { used: 2, limit: 29 },
    hour: { used: 2, limit: 14400 },
    day: { used: 40, limit: 14400 },
    tokensMinute: { used: 0, limit: null },
  },
  limitSources: [
    'rpm 29 ← provider_registry.json: groq.default_rate_limit_rpm 30 − safety_margin_rpm 1',
  ],
  lastError: {
    code: 'unreachable',
    message: 'connect ECONNREFUSED',
    at: '2026-01-01T12:00:00.000Z',
  },
  lastSuccessAt: null,
}

beforeEach(() => useProviderHealthStore.setState(useProviderHealthStore.getInitialState(), true))
afterEach(cleanup)

describe('ProviderHealth', () => {
  it("shows the provider's state, budget against limits and last error; Reset clears it", async () => {
    let healthy = false
    const api = createFakeAppApi({
      'providers:health': () =>
        Promise.resolve([
          healthy
            ? { ...open, state: 'ok', until: null, consecutiveFailures: 0, lastError: null }
            : open,
          { ...open, provider: 'gemini' },
        ]),
      'providers:resetHealth': () => {
        healthy = true
        return Promise.resolve({ reset: 1 })
      },
    })
    setAppApi(api)
    render(<ProviderHealth provider="groq" title="Groq" />)
    const panel = await screen.findByRole('region', { name: 'Groq health' })
    expect(await within(panel).findByText(/^Circuit open until/)).toBeTruthy()
    expect(within(panel).getByText('2 / 29')).toBeTruthy()
    expect(within(panel).getByText('40 / 14400')).toBeTruthy()
    expect(within(panel).getByText(/Last error \(unreachable\).*ECONNREFUSED/)).toBeTruthy()
    expect(within(panel).getAllByText(/^Circuit open/)).toHaveLength(1)

    fireEvent.click(within(panel).getByRole('button', { name: 'Reset Groq health' }))
    expect(await within(panel).findByText('OK')).toBeTruthy()
    expect(api.calls.filter((c) => c.channel === 'providers:resetHealth')[0]?.input).toEqual({
      provider: 'groq',
    })
  })

  it('says so when health cannot be read', async () => {
    setAppApi(createFakeAppApi({ 'providers:health': () => Promise.reject(new Error('gone')) }))
    render(<ProviderHealth provider="groq" />)
    expect(await screen.findByText(/Health could not be read: gone/)).toBeTruthy()
  })
})

describe('RouteLine', () => {
  it('reads as the route the answer took, and is absent without attempts', () => {
    const { container } = render(<RouteLine attempts={[]} answered={{ provider: 'groq' }} />)
    expect(container.textContent).toBe('')
    render(
      <RouteLine
        attempts={[
          {
            provider: 'groq',
            model: 'm',
            baseUrl: null,
            code: 'rate_limit',
            message: '429',
            ms: 800,
          },
          {
            provider: 'gemini',
            model: 'g',
            baseUrl: null,
            code: 'unreachable',
            message: 'refused',
            ms: 3,
          },
        ]}
        answered={{ provider: 'ollama' }}
      />,
    )
    expect(screen.getByLabelText('Route').textContent).toBe(
      'Route groq · rate limited (0.8 s) → gemini · unreachable (3 ms) → ollama ✓',
    )
  })
})
