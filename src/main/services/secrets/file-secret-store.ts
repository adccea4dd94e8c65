// SecretStore for serve mode and the CLI: a 0600 json file in the workspace's .mindx/ folder.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../config/atomic-write'
import type { SecretStore } from './types'

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) })

/**
 * Plain text protected by file permissions only — the best a headless Node process can do without
 * an OS keychain. The Electron app uses safeStorage instead (src/main/secrets).
 */
export class FileSecretStore implements SecretStore {
  readonly label: string
  private readonly dir: string
  private readonly path: string

  constructor(workspace: string) {
    this.dir = join(workspace, '.mindx')
    this.path = join(this.dir, 'secrets.json')
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

  async readAll(): Promise<Record<string, string>> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw err
    }
    const parsed = fileSchema.safeParse(JSON.parse(text))
    if (!parsed.success) throw new Error(`${this.path} is not a secrets file this app wrote`)
    return { ...parsed.data.secrets }
  }

  private async write(secrets: Record<string, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    // Keep the folder out of the user's git history even if their .gitignore does not mention it.
    await writeFile(join(this.dir, '.gitignore'), '*\n', { flag: 'w' })
    const text = JSON.stringify({ version: 1, secrets }, null, 2) + '\n'
    await writeFileAtomic(this.path, text, { keepBackup: false, mode: 0o600 })
    await chmod(this.path, 0o600)
  }
}
