// gcloud's usual failures, recognised in its output and explained in words with the next step.
import type { DeployFailureKind } from '../../../shared/deploy'

export interface GcloudFailure {
  kind: DeployFailureKind
  message: string
}

export const GCLOUD_INSTALL_HINT =
  'The Google Cloud CLI (gcloud) is not installed or not on PATH. Install it from https://cloud.google.com/sdk/docs/install, run `gcloud auth login`, then try again — or run deploy.sh yourself.'

interface Context {
  project?: string
  region?: string
  gpuLabel?: string
}

const RULES: { kind: DeployFailureKind; test: RegExp; explain: (c: Context) => string }[] = [
  {
    kind: 'not_logged_in',
    test: /do not currently have an active account selected|gcloud auth login|Reauthentication (?:failed|required)|problem refreshing your current auth tokens/i,
    explain: () =>
      'gcloud is not logged in (or its login expired). Run `gcloud auth login` in a terminal, then deploy again.',
  },
  {
    kind: 'no_gpu_quota',
    test: /quota exceeded for total allowable count of GPUs|GPU[^\n]*quota|quota[^\n]*GPU/i,
    explain: (c) =>
      `The project ${c.project ?? ''} has no ${c.gpuLabel ?? 'GPU'} quota in ${c.region ?? 'this region'}. Request "Total Nvidia GPU allocation, per project per region" for Cloud Run Admin API (IAM & Admin → Quotas), or deploy without a GPU.`,
  },
  {
    kind: 'no_gpu_region',
    test: /(?:GPU|gpu-type)[^\n]*not (?:supported|available)[^\n]*region|region[^\n]*(?:does not|doesn't) support[^\n]*GPU/i,
    explain: (c) =>
      `Cloud Run has no ${c.gpuLabel ?? 'GPU'} in ${c.region ?? 'this region'}. Pick a GPU region such as us-central1, europe-west1 or europe-west4.`,
  },
  {
    kind: 'billing',
    test: /billing (?:account|is not enabled|must be enabled)/i,
    explain: (c) =>
      `Billing is not enabled on project ${c.project ?? ''}. Link a billing account in the Cloud console, then deploy again.`,
  },
]

/** The first rule gcloud's output matches, else its last ERROR line as it stands. */
export function explainGcloudFailure(output: string, context: Context = {}): GcloudFailure {
  for (const rule of RULES) {
    if (rule.test.test(output)) return { kind: rule.kind, message: rule.explain(context) }
  }
  const errorLine = output
    .split('\n')
    .filter((line) => line.startsWith('ERROR:'))
    .at(-1)
  return {
    kind: 'failed',
    message: errorLine ?? (output.trim().split('\n').at(-1) || 'gcloud failed without a message.'),
  }
}
