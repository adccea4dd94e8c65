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
  /** The async API (Electron ≥ 39); used when present and available, the sync one otherwise. */
  isAsyncEncryptionAvailable?(): Promise<boolean>
  encryptStringAsync?(plainText: string): Promise<Buffer>
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
}

interface Cipher {
  encrypt(plainText: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
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
    const cipher = await this.cipher()
    if (!cipher) {
      throw new Error('The OS keychain is not available, so the key cannot be stored safely.')
    }
    const stored = await this.readEncrypted()
    stored[name] = (await cipher.encrypt(value)).toString('base64')
    await this.write(stored)
  }

  /** The async cipher where Electron has it (the sync one is deprecated), else the sync one. */
  private async cipher(): Promise<Cipher | undefined> {
    const storage = this.safeStorage
    if (
      storage.encryptStringAsync &&
      storage.decryptStringAsync &&
      storage.isAsyncEncryptionAvailable &&
      (await storage.isAsyncEncryptionAvailable())
    ) {
      const missing = () => Promise.reject(new Error('safeStorage lost its async API'))
      return {
        encrypt: (text) => storage.encryptStringAsync?.(text) ?? missing(),
        decrypt: (data) => storage.decryptStringAsync?.(data) ?? missing(),
      }
    }
    if (!storage.isEncryptionAvailable()) return undefined
    return {
      encrypt: (text) => Promise.resolve(storage.encryptString(text)),
      decrypt: (data) =>
        Promise.resolve({ result: storage.decryptString(data), shouldReEncrypt: false }),
    }
  }

  async delete(name: string): Promise<void> {
    const stored = await this.readEncrypted()
    if (!(name in stored)) return
    delete stored[name]
    await this.write(stored)
  }

  async readAll(): Promise<Record<string, string>> {
    const stored = await this.readEncrypted()
    const names = Object.keys(stored)
    if (names.length === 0) return {}
    const cipher = await this.cipher()
    if (!cipher) throw new Error('The OS keychain is not available, so stored keys cannot be read.')
    const values: Record<string, string> = {}
    let rotated = false
    for (const name of names) {
      const { result, shouldReEncrypt } = await cipher.decrypt(Buffer.from(stored[name]!, 'base64'))
      values[name] = result
      if (shouldReEncrypt) {
        // The keychain rotated its key: store the value again under the new one.
        stored[name] = (await cipher.encrypt(result)).toString('base64')
        rotated = true
      }
    }
    if (rotated) await this.write(stored)
    return values
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
