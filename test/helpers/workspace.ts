// Builds throwaway workspaces (folders shaped like a mindX checkout) for tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Files by relative path; objects are written as 2-space JSON, strings as they are. */
export type WorkspaceFiles = Record<string, string | object>

export const FACTORY_JSON = 'data/config/llm_factory_config.json'

export function makeWorkspace(files: WorkspaceFiles = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mindx-ws-'))
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return root
}
