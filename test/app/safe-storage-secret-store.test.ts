// Electron's SecretStore: values encrypted with safeStorage, kept in the app's data folder.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SafeStorageLike } from '../../src/main/secrets/safe-storage-secret-store'
import { SafeStorageSecretStore } from '../../src/main/secrets/safe-storage-secret-store'
import { makeTempDir } from './helpers'

/** Reversible stand-in for the OS keychain: enough to see nothing is stored in plain text. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from([...text].reverse().join(''), 'utf8'),
  decryptString: (data) => [...data.toString('utf8')].reverse().join(''),
})

let temp: Awaited<ReturnType<typeof makeTempDir>>
beforeEach(async () => {
  temp = await makeTempDir()
})
afterEach(() => temp.cleanup())

describe('SafeStorageSecretStore', () => {
  it('stores encrypted values per workspace, readable back, 0600', async () => {
    const dir = join(temp.dir, 'secrets')
    const store = new SafeStorageSecretStore(dir, '/ws/a', fakeSafeStorage())
    await store.set('groq', 'gsk_plaintextkey')
    expect(await store.get('groq')).toBe('gsk_plaintextkey')
    expect(await store.readAll()).toEqual({ groq: 'gsk_plaintextkey' })
    const other = new SafeStorageSecretStore(dir, '/ws/b', fakeSafeStorage())
    expect(await other.readAll()).toEqual({})

    const [file] = await import('node:fs/promises').then((fs) => fs.readdir(dir))
    const path = join(dir, file!)
    expect(await readFile(path, 'utf8')).not.toContain('gsk_plaintextkey')
    expect((await stat(path)).mode & 0o777).toBe(0o600)

    await store.delete('groq')
    expect(await store.get('groq')).toBeUndefined()
  })

  it('uses the async API when available, re-encrypting values the keychain asks to', async () => {
    const calls: string[] = []
    const sync = fakeSafeStorage()
    let rotate = false
    const storage: SafeStorageLike = {
      ...sync,
      encryptString: () => {
        throw new Error('the deprecated sync API was used')
      },
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (text) => {
        calls.push('encrypt')
        return Promise.resolve(Buffer.from(`v2:${[...text].reverse().join('')}`, 'utf8'))
      },
      decryptStringAsync: (data) => {
        calls.push('decrypt')
        const text = data.toString('utf8').replace(/^v2:/, '')
        return Promise.resolve({ result: [...text].reverse().join(''), shouldReEncrypt: rotate })
      },
    }
    const store = new SafeStorageSecretStore(temp.dir, '/ws', storage)
    await store.set('groq', 'gsk_async_key')
    expect(await store.get('groq')).toBe('gsk_async_key')
    rotate = true
    calls.length = 0
    expect(await store.readAll()).toEqual({ groq: 'gsk_async_key' })
    expect(calls).toEqual(['decrypt', 'encrypt'])
  })

  it('refuses to store when no keychain is available', async () => {
    const store = new SafeStorageSecretStore(temp.dir, '/ws', fakeSafeStorage(false))
    await expect(store.set('k', 'v')).rejects.toThrow(/keychain/)
  })
})
