// The gcloud commands the app runs, through the one process runner; failures become GcloudError in words.
import type { DeploySpec } from '../../../shared/deploy'
import type { EnvRecord, ProcessOptions, ProcessResult } from '../process-runner'
import { findOnPath, ProgramNotFoundError, runProcess } from '../process-runner'
import { describeUrlArgs } from './deploy-files'
import type { GcloudFailure } from './gcloud-failures'
import { explainGcloudFailure, GCLOUD_INSTALL_HINT } from './gcloud-failures'

export class GcloudError extends Error {
  override name = 'GcloudError'
  constructor(readonly failure: GcloudFailure) {
    super(failure.message)
  }
}

/** gcloud refuses `--audiences` for user accounts; their plain identity token works for Cloud Run. */
const AUDIENCES_REFUSED = /Invalid account type for `--audiences`/i

export class GcloudCli {
  /** Learned once: the active account is a user account, so tokens are asked for without audience. */
  private audiencesRefused = false

  constructor(private readonly env: EnvRecord = process.env) {}

  /** Where gcloud is, or null when it is not installed. */
  path(): Promise<string | null> {
    return findOnPath('gcloud', this.env)
  }

  async run(args: readonly string[], options: Omit<ProcessOptions, 'args' | 'env'> = {}) {
    try {
      return await runProcess('gcloud', { ...options, args, env: this.env })
    } catch (error) {
      if (error instanceof ProgramNotFoundError) {
        throw new GcloudError({ kind: 'gcloud_missing', message: GCLOUD_INSTALL_HINT })
      }
      throw error
    }
  }

  /** Runs and returns stdout trimmed; a non-zero exit throws the explained failure. */
  private async output(args: readonly string[], signal?: AbortSignal): Promise<string> {
    const result = await this.run(args, { signal })
    if (result.exitCode !== 0) throw new GcloudError(explainGcloudFailure(combined(result)))
    return result.stdout.trim()
  }

  async serviceUrl(spec: Pick<DeploySpec, 'service' | 'project' | 'region'>): Promise<string> {
    const url = await this.output(describeUrlArgs(spec))
    if (!/^https?:\/\//.test(url)) {
      throw new GcloudError({
        kind: 'failed',
        message: `gcloud printed no URL for service ${spec.service} in ${spec.region}.`,
      })
    }
    return url
  }

  /** An identity token for `audience` (a Cloud Run URL); never logged, never stored. */
  async identityToken(audience: string, signal?: AbortSignal): Promise<string> {
    if (!this.audiencesRefused) {
      const result = await this.run(['auth', 'print-identity-token', `--audiences=${audience}`], {
        signal,
      })
      if (result.exitCode === 0) return result.stdout.trim()
      if (!AUDIENCES_REFUSED.test(result.stderr)) {
        throw new GcloudError(explainGcloudFailure(combined(result)))
      }
      this.audiencesRefused = true
    }
    return this.output(['auth', 'print-identity-token'], signal)
  }

  /** The active account (`gcloud config get-value account`), or null when none is set. */
  async account(): Promise<string | null> {
    try {
      const account = await this.output(['config', 'get-value', 'account'])
      return account === '' ? null : account
    } catch {
      return null
    }
  }
}

export function combined(result: ProcessResult): string {
  return `${result.stderr}\n${result.stdout}`
}
