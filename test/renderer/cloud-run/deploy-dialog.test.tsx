// @vitest-environment jsdom
// The deploy dialog on the fake AppApi: problems before writing, files and command, a live log, the provider.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultDeploySpec } from '../../../src/shared/deploy'
import { DeployDialog } from '../../../src/renderer/features/cloud-run-models/DeployDialog'
import { useDeployStore } from '../../../src/renderer/features/cloud-run-models/deploy-store'
import type { CatalogRow } from '../../../src/renderer/features/cloud-run-models/catalog-table'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'

const phi3 = { id: 'phi3_py', ollama_name: 'phi3:mini', est_memory_needed_gb: 4 }
const row = { ...phi3, type: 'general', tier: 'excellent_fit', origin: 'default' } as CatalogRow
const URL = 'https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app'

let api: FakeAppApi
beforeEach(() => {
  useDeployStore.setState(useDeployStore.getInitialState(), true)
  api = createFakeAppApi({
    'deploy:prepare': () => Promise.resolve({ spec: defaultDeploySpec(phi3), gcloudFound: true }),
    'deploy:write': ({ spec }) =>
      Promise.resolve({
        dir: `/ws/deploy/cloud-run/${spec.service}`,
        files: [
          {
            path: `deploy/cloud-run/${spec.service}/Dockerfile`,
            content: 'FROM ollama/ollama:0.12.6',
          },
        ],
        command: `gcloud run deploy ${spec.service} --project ${spec.project}`,
        gcloudFound: true,
      }),
    'deploy:start': ({ runId }) => Promise.resolve({ runId }),
    'deploy:cancel': () => Promise.resolve({ cancelled: true }),
  })
  setAppApi(api)
})
afterEach(cleanup)

describe('DeployDialog', () => {
  it('explains problems first, writes, deploys with a live log and names the provider', async () => {
    render(<DeployDialog row={row} onClose={() => {}} />)
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Deploy phi3:mini to Cloud Run' }),
    )
    const problems = await dialog.findByRole('list', { name: 'Problems with this deploy' })
    expect(problems.textContent).toContain('A project ID has')
    expect(dialog.getByRole<HTMLButtonElement>('button', { name: 'Write files' }).disabled).toBe(
      true,
    )
    fireEvent.change(dialog.getByLabelText('Project'), { target: { value: 'my-project' } })
    fireEvent.change(dialog.getByLabelText('CPU', { exact: true }), { target: { value: '2' } })
    expect(dialog.getByRole('list', { name: 'Problems with this deploy' }).textContent).toContain(
      'NVIDIA L4 needs at least 4 CPU (you chose 2).',
    )
    fireEvent.change(dialog.getByLabelText('CPU', { exact: true }), { target: { value: '4' } })
    expect(dialog.queryByRole('list', { name: 'Problems with this deploy' })).toBeNull()

    fireEvent.click(dialog.getByRole('button', { name: 'Write files' }))
    expect((await dialog.findByLabelText('Deploy command')).textContent).toBe(
      'gcloud run deploy ollama-phi3-mini --project my-project',
    )
    fireEvent.click(dialog.getByRole('button', { name: 'Deploy now' }))
    await dialog.findByRole('button', { name: 'Cancel' })
    const runId = (api.calls.find((c) => c.channel === 'deploy:start')?.input as { runId: string })
      .runId
    act(() => api.emit('deploy:log', { runId, line: 'Building Container...' }))
    expect(dialog.getByRole('log', { name: 'gcloud output' }).textContent).toContain(
      'Building Container...',
    )
    act(() =>
      api.emit('deploy:finished', { runId, ok: true, url: URL, provider: 'ollama-phi3-mini' }),
    )
    expect((await dialog.findByText(/added as provider/)).textContent).toContain(URL)
  })

  it('a failure is shown in words', async () => {
    render(<DeployDialog row={row} onClose={() => {}} />)
    const dialog = within(await screen.findByRole('dialog'))
    fireEvent.change(await dialog.findByLabelText('Project'), { target: { value: 'my-project' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Write files' }))
    fireEvent.click(await dialog.findByRole('button', { name: 'Deploy now' }))
    await dialog.findByRole('button', { name: 'Cancel' })
    const runId = (api.calls.find((c) => c.channel === 'deploy:start')?.input as { runId: string })
      .runId
    const message = 'The project my-project has no NVIDIA L4 quota in us-central1.'
    act(() =>
      api.emit('deploy:finished', { runId, ok: false, failure: { kind: 'no_gpu_quota', message } }),
    )
    expect((await dialog.findByRole('alert')).textContent).toBe(message)
  })
})
