// Cloud Run deploys for one workspace: validate the spec, write deploy/cloud-run/<service>/, run gcloud.
import { chmod } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { DeployIssue, DeployPlan, DeploySpec } from '../../../shared/deploy'
import { deploySpecIssues, GPU_TYPES, hasErrors } from '../../../shared/deploy'
import { writeFileAtomic } from '../config/atomic-write'
import { planDeploy } from './deploy-files'
import type { GcloudCli } from './gcloud-cli'
import { combined, GcloudError } from './gcloud-cli'
import { explainGcloudFailure } from './gcloud-failures'

export { addCloudRunProvider, cloudRunProviderEntry } from './cloud-run-provider'
export { planDeploy } from './deploy-files'
export { GcloudCli, GcloudError } from './gcloud-cli'
export { GCLOUD_INSTALL_HINT } from './gcloud-failures'
export { GcloudIdentityTokenSource } from './gcloud-identity-tokens'

/** The spec has errors: nothing was written. */
export class DeploySpecError extends Error {
  override name = 'DeploySpecError'
  constructor(readonly issues: DeployIssue[]) {
    super(
      issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join(' '),
    )
  }
}

export interface WrittenDeploy {
  plan: DeployPlan
  /** Absolute paths of the files written. */
  paths: string[]
  /** Where gcloud is, or null when it is not installed (the files are written anyway). */
  gcloudPath: string | null
}

export interface DeployRunOptions {
  onLine?: (line: string) => void
  signal?: AbortSignal
}

export class CloudRunDeployer {
  constructor(
    private readonly workspace: string,
    private readonly gcloud: GcloudCli,
  ) {}

  /** Checks the spec and renders the files; throws DeploySpecError on any error-level issue. */
  plan(spec: DeploySpec): DeployPlan {
    const issues = deploySpecIssues(spec)
    if (hasErrors(issues)) throw new DeploySpecError(issues)
    return planDeploy(spec)
  }

  async write(spec: DeploySpec): Promise<WrittenDeploy> {
    const plan = this.plan(spec)
    const root = resolve(this.workspace)
    const paths: string[] = []
    for (const file of plan.files) {
      const path = join(root, file.path)
      await writeFileAtomic(path, file.content)
      if (path.endsWith('.sh')) await chmod(path, 0o755)
      paths.push(path)
    }
    return { plan, paths, gcloudPath: await this.gcloud.path() }
  }

  /** Writes the files, runs `gcloud run deploy` (log streamed), then reads the service URL. */
  async deploy(spec: DeploySpec, options: DeployRunOptions = {}): Promise<{ url: string }> {
    const { plan, gcloudPath } = await this.write(spec)
    if (gcloudPath === null) {
      // Same words as any other gcloud call that finds no gcloud.
      await this.gcloud.run(['--version'])
    }
    const cancelled = () =>
      new GcloudError({
        kind: 'cancelled',
        message: `Deploy of ${spec.service} cancelled; Cloud Run may still finish a build it had started.`,
      })
    const result = await this.gcloud
      .run(plan.args, {
        cwd: resolve(this.workspace),
        signal: options.signal,
        onLine: (line) => options.onLine?.(line),
      })
      .catch((error: unknown) => {
        throw options.signal?.aborted === true ? cancelled() : error
      })
    if (options.signal?.aborted === true) throw cancelled()
    if (result.exitCode !== 0) {
      const gpuLabel = spec.gpu === 'none' ? undefined : GPU_TYPES[spec.gpu].label
      const context = { project: spec.project, region: spec.region, gpuLabel }
      throw new GcloudError(explainGcloudFailure(combined(result), context))
    }
    return { url: await this.gcloud.serviceUrl(spec) }
  }
}
