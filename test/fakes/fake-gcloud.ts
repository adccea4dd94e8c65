// Puts the fake `gcloud` (test/fakes/bin/gcloud) on a PATH, configures it and reads back its calls.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

export const FAKE_GCLOUD_BIN = join(import.meta.dirname, 'bin')

export interface FakeGcloudConfig {
  /** null = not logged in; a `…gserviceaccount.com` address accepts `--audiences`. */
  account?: string | null
  fail?: 'no-gpu-quota' | 'no-gpu-region'
  url?: string
  tokenTtlSeconds?: number
  deployDelayMs?: number
}

export interface FakeGcloud {
  dir: string
  /** An environment with the fake first on PATH and FAKE_GCLOUD_DIR set. */
  env: Record<string, string | undefined>
  configure(config: FakeGcloudConfig): Promise<void>
  /** The argument lists of every call so far, oldest first. */
  calls(): Promise<string[][]>
  close(): Promise<void>
}

export async function startFakeGcloud(config: FakeGcloudConfig = {}): Promise<FakeGcloud> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-gcloud-'))
  const configure = (next: FakeGcloudConfig) =>
    writeFile(join(dir, 'config.json'), JSON.stringify(next))
  await configure(config)
  return {
    dir,
    env: {
      ...process.env,
      PATH: `${FAKE_GCLOUD_BIN}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_GCLOUD_DIR: dir,
    },
    configure,
    async calls() {
      const text = await readFile(join(dir, 'calls.jsonl'), 'utf8').catch(() => '')
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { args: string[] }).args)
    },
    close: () => rm(dir, { recursive: true, force: true }),
  }
}

/** The claims of a JWT (no signature check): what the fake Ollama looks at. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1]
  if (payload === undefined) return null
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}
