// SecretStore for the Electron app: values encrypted with safeStorage (OS keychain), one file per workspace.
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../services/config'
import type { SecretStore } from '../services/secrets'
import { readSecretsFile, secretsFileText } from '../services/secrets/secrets-file'

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

  private readEncrypted(): Promise<Record<string, string>> {
    return readSecretsFile(this.path)
  }

  private async write(secrets: Record<string, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(this.path, secretsFileText(secrets), { keepBackup: false, mode: 0o600 })
  }
}
