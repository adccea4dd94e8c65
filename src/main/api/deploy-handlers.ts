// deploy:* — write Cloud Run files, run gcloud with its log streamed as events, add the service as a provider.
import type { DeployFinishedEvent, DeploySpec } from '../../shared/deploy'
import { defaultDeploySpec } from '../../shared/deploy'
import {
  addCloudRunProvider,
  CloudRunDeployer,
  DeploySpecError,
  GCLOUD_INSTALL_HINT,
  GcloudCli,
  GcloudError,
} from '../services/deploy'
import { AppError, redactSecrets } from './app-error'
import type { ApiHandlers } from './dispatch'
import type { AppEventBus } from './event-bus'
import type { StudioContext } from './studio-context'

type DeployChannel = Extract<keyof ApiHandlers, `deploy:${string}`>
export type DeployHandlers = Pick<ApiHandlers, DeployChannel>

export interface DeployHandlerDeps {
  context: StudioContext
  events?: AppEventBus
}

export function createDeployHandlers(deps: DeployHandlerDeps): DeployHandlers {
  const { context } = deps
  const running = new Map<string, AbortController>()
  const gcloud = () => new GcloudCli(context.session.current.env)
  const deployer = () => new CloudRunDeployer(context.session.current.workspace, gcloud())

  /** Spec errors are the caller's to fix: `invalid_input` with every reason. */
  const checked = async <T>(work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof DeploySpecError) throw new AppError('invalid_input', error.message)
      throw error
    }
  }

  const addProvider = (name: string, url: string, model: string) =>
    context.write(async () => {
      const { ws } = await context.readConfig()
      await addCloudRunProvider(ws.factory.path, { name, url, model })
    })

  const runDeploy = async (runId: string, spec: DeploySpec, signal: AbortSignal) => {
    const emit = (event: DeployFinishedEvent) => deps.events?.emit('deploy:finished', event)
    try {
      const { url } = await deployer().deploy(spec, {
        signal,
        onLine: (line) => deps.events?.emit('deploy:log', { runId, line: redactSecrets(line) }),
      })
      await addProvider(spec.service, url, spec.ollamaName)
      emit({ runId, ok: true, url, provider: spec.service })
    } catch (error) {
      const failure =
        error instanceof GcloudError
          ? error.failure
          : {
              kind: 'failed' as const,
              message: error instanceof Error ? error.message : String(error),
            }
      emit({ runId, ok: false, failure: { ...failure, message: redactSecrets(failure.message) } })
    } finally {
      running.delete(runId)
    }
  }

  return {
    'deploy:prepare': async ({ modelId, gpu }) => {
      const catalog = await context.session.current.factory.catalog()
      const entry = catalog.entries.find((e) => e.id === modelId)
      if (!entry) throw new AppError('not_found', `No catalog entry with id ${modelId}.`)
      const found = (await gcloud().path()) !== null
      return {
        spec: defaultDeploySpec(entry, gpu ? { gpu } : {}),
        gcloudFound: found,
        ...(found ? {} : { installHint: GCLOUD_INSTALL_HINT }),
      }
    },
    'deploy:write': async ({ spec }) => {
      const written = await checked(() => deployer().write(spec))
      const found = written.gcloudPath !== null
      return {
        dir: written.plan.dir,
        files: written.plan.files,
        command: written.plan.command,
        gcloudFound: found,
        ...(found ? {} : { installHint: GCLOUD_INSTALL_HINT }),
      }
    },
    'deploy:start': async ({ spec, runId }) => {
      if (running.has(runId)) {
        throw new AppError('invalid_input', `Deploy ${runId} is already running.`)
      }
      await checked(() => deployer().plan(spec))
      const controller = new AbortController()
      running.set(runId, controller)
      void runDeploy(runId, spec, controller.signal)
      return { runId }
    },
    'deploy:cancel': ({ runId }) => {
      const controller = running.get(runId)
      controller?.abort()
      return Promise.resolve({ cancelled: controller !== undefined })
    },
    'deploy:addService': async ({ name, url, model }) => {
      await addProvider(name, url, model)
      return { provider: name, url }
    },
  }
}
