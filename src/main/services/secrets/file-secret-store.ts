// SecretStore for serve mode and the CLI: a 0600 json file in the workspace's .mindx/ folder.
import { chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../config/atomic-write'
import { PRIVATE_DIR } from '../config/workspace-paths'
import { ensurePrivateDir, readSecretsFile, secretsFileText } from './secrets-file'
import type { SecretStore } from './types'

/**
 * Plain text protected by file permissions only — the best a headless Node process can do without
 * an OS keychain. The Electron app uses safeStorage instead (src/main/secrets).
 */
export class FileSecretStore implements SecretStore {
  readonly label: string
  private readonly path: string

  constructor(private readonly workspace: string) {
    this.path = join(workspace, PRIVATE_DIR, 'secrets.json')
    this.label = '.mindx/secrets.json'
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.readAll())[name]
  }

  async set(name: string, value: string): Promise<void> {
    const secrets = await this.readAll()
    secrets[name] = value
    await this.write(secrets)
  }

  async delete(name: string): Promise<void> {
    const secrets = await this.readAll()
    if (!(name in secrets)) return
    delete secrets[name]
    await this.write(secrets)
  }

  readAll(): Promise<Record<string, string>> {
    return readSecretsFile(this.path)
  }

  private async write(secrets: Record<string, string>): Promise<void> {
    await ensurePrivateDir(this.workspace)
    await writeFileAtomic(this.path, secretsFileText(secrets), { keepBackup: false, mode: 0o600 })
    await chmod(this.path, 0o600)
  }
}
