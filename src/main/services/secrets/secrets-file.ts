// The `{version: 1, secrets: {name: value}}` file both secret stores keep: read, strictly, without echoing it.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { parseJsonDocument } from '../config/json-text'
import { ConfigFileError } from '../config/types'
import { PRIVATE_DIR } from '../config/workspace-paths'

const secretsFileSchema = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), z.string()),
})

const NEXT_STEP = 'fix it, or delete it and enter the keys again in the app'

/**
 * The stored values by name; `{}` when the file does not exist. A broken file is a ConfigFileError
 * naming the file and line:col; nothing of its content reaches the message (it holds keys).
 */
export async function readSecretsFile(path: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  let document
  try {
    document = parseJsonDocument(text, path)
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error
    // jsonc-parser's descriptions never quote the text; only the position is kept.
    const { line, column } = error
    const message = `not valid JSON; ${NEXT_STEP}`
    throw new ConfigFileError({ file: path, line, column, message })
  }
  const parsed = secretsFileSchema.safeParse(document.value)
  if (!parsed.success) {
    // Zod issues can quote received values: only the location of the first one is kept.
    const at = parsed.error.issues[0]?.path ?? []
    const message = `not a secrets file this app wrote; ${NEXT_STEP}`
    throw new ConfigFileError({ file: path, ...document.locate(at), message })
  }
  return { ...parsed.data.secrets }
}

export function secretsFileText(secrets: Record<string, string>): string {
  return JSON.stringify({ version: 1, secrets }, null, 2) + '\n'
}

/**
 * Creates the workspace's private `.mindx/` folder (0700) with a `.gitignore` of `*`, so keys,
 * conversations, backups and unfinished saves there never reach the user's git history.
 */
export async function ensurePrivateDir(workspace: string): Promise<string> {
  const dir = join(workspace, PRIVATE_DIR)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'w' })
  return dir
}
