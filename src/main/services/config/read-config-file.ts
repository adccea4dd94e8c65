// Reads workspace files: a missing file is an empty layer, an unreadable one is a ConfigFileError.
import { readFile, readdir } from 'node:fs/promises'
import { ConfigFileError } from './types'

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR'])

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

function unreadable(file: string, error: unknown): ConfigFileError {
  const reason = error instanceof Error ? error.message : String(error)
  return new ConfigFileError(
    {
      file,
      line: 1,
      column: 1,
      message: `cannot read the file (${reason}); check its permissions`,
    },
    { cause: error },
  )
}

/** The file's UTF-8 text, or undefined when it does not exist. Never an empty string in its place. */
export async function readConfigFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if (MISSING_CODES.has(errorCode(error) ?? '')) return undefined
    throw unreadable(file, error)
  }
}

/** Names of the `*.json` files in `dir`, in code-point order (as Python's `sorted()` orders them). */
export function listJsonFiles(dir: string): Promise<string[]> {
  return listFilesEndingWith(dir, '.json')
}

/** Names of the files in `dir` ending with `suffix` (`.json`, `.yaml`), in code-point order. */
export async function listFilesEndingWith(dir: string, suffix: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if (MISSING_CODES.has(errorCode(error) ?? '')) return []
    throw unreadable(dir, error)
  }
  // mindX globs `*.json`, which also matches symlinks to files; directories named x.json are skipped.
  const names = entries
    .filter((entry) => entry.name.endsWith(suffix) && !entry.isDirectory())
    .map((entry) => entry.name)
  // Not localeCompare: mindX sorts by code point, so 'Z.json' comes before 'a.json'.
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
