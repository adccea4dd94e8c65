// The Cloud Run deploy slice of the contract: deploy:* methods and their log/finished events.
import { z } from 'zod'
import type { TypeTag } from './contract'
import type {
  DeployFinishedEvent,
  DeployLogEvent,
  DeployPreparation,
  WrittenDeployFiles,
} from './deploy'
import { cloudRunProviderNameSchema, deploySpecSchema, GPU_CHOICES } from './deploy'
import { hostUrlSchema, modelNameSchema } from './ollama'

function returns<T>(): TypeTag<T> {
  return {}
}

const runId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)

export const deployMethods = {
  'deploy:prepare': {
    summary:
      "Defaults for deploying a catalog entry (service name, GPU minimums, the entry's memory) and whether gcloud is installed.",
    input: z.strictObject({
      modelId: z.string().trim().min(1).max(200),
      gpu: z.enum(GPU_CHOICES).optional(),
    }),
    output: returns<DeployPreparation>(),
    errors: ['config_invalid', 'not_found'],
  },
  'deploy:write': {
    summary:
      'Writes deploy/cloud-run/<service>/ (Dockerfile, deploy.sh, README); refused with the reasons when the spec is invalid.',
    input: z.strictObject({ spec: deploySpecSchema }),
    output: returns<WrittenDeployFiles>(),
    errors: [],
  },
  'deploy:start': {
    summary:
      'Writes the files and runs gcloud run deploy; log lines arrive as deploy:log, then deploy:finished (URL and provider added, or the failure in words).',
    input: z.strictObject({ spec: deploySpecSchema, runId }),
    output: returns<{ runId: string }>(),
    errors: [],
  },
  'deploy:cancel': {
    summary: 'Stops a running deploy (kills gcloud); deploy:finished with kind cancelled follows.',
    input: z.strictObject({ runId }),
    output: returns<{ cancelled: boolean }>(),
    errors: [],
  },
  'deploy:addService': {
    summary:
      'Adds an existing Cloud Run service URL as an ollama provider with gcloud identity-token auth (custom_providers.<name>).',
    input: z.strictObject({
      name: cloudRunProviderNameSchema,
      url: hostUrlSchema,
      model: modelNameSchema,
    }),
    output: returns<{ provider: string; url: string }>(),
    errors: ['config_invalid'],
  },
} as const

export const deployEvents = {
  'deploy:log': returns<DeployLogEvent>(),
  'deploy:finished': returns<DeployFinishedEvent>(),
} as const
