// SecretStore for the Electron app: values encrypted with safeStorage (OS keychain), one file per workspace.
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../services/config'
import type { SecretStore } from '../services/secrets'

/** The part of Electron's safeStorage this store needs (tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) })

export class SafeStorageSecretStore implements SecretStore {
  readonly label = 'OS keychain (Electron safeStorage)'
  private readonly path: string

  /** `dir` is the app's own data folder: encrypted keys never go into the workspace. */
  constructor(
    private readonly dir: string,
    workspace: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    const id = createHash('sha256').update(workspace).digest('hex').slice(0, 24)
    this.path = join(dir, `${id}.json`)
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.readAll())[name]
  }

  async set(name: string, value: string): Promise<void> {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new Error('The OS keychain is not available, so the key cannot be stored safely.')
    }
    const stored = await this.readEncrypted()
    stored[name] = this.safeStorage.encryptString(value).toString('base64')
    await this.write(stored)
  }

  async delete(name: string): Promise<void> {
    const stored = await this.readEncrypted()
    if (!(name in stored)) return
    delete stored[name]
    await this.write(stored)
  }

  async readAll(): Promise<Record<string, string>> {
    const stored = await this.readEncrypted()
    return Object.fromEntries(
      Object.entries(stored).map(([name, value]) => [
        name,
        this.safeStorage.decryptString(Buffer.from(value, 'base64')),
      ]),
    )
  }

  private async readEncrypted(): Promise<Record<string, string>> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
    const parsed = fileSchema.safeParse(JSON.parse(text))
    if (!parsed.success) throw new Error(`${this.path} is not a secrets file this app wrote`)
    return { ...parsed.data.secrets }
  }

  private async write(secrets: Record<string, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    const text = JSON.stringify({ version: 1, secrets }, null, 2) + '\n'
    await writeFileAtomic(this.path, text, { keepBackup: false, mode: 0o600 })
  }
}
