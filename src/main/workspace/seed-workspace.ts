// Creates a workspace folder shaped like a mindX checkout, seeded from the repo's config/ templates.
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** Template file in config/ → where it goes in a workspace. */
export const WORKSPACE_TEMPLATES: readonly { template: string; target: string }[] = [
  {
    template: 'llm_factory_config.json',
    target: join('data', 'config', 'llm_factory_config.json'),
  },
  { template: 'mindx_config.example.json', target: 'mindx_config.json' },
  // Kept as an example: an .env with blank keys would look "set" to some readers.
  { template: '.env.example', target: '.env.example' },
]

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

async function isEmptyDir(path: string): Promise<boolean> {
  return (await readdir(path)).length === 0
}

export interface EnsureWorkspaceResult {
  workspace: string
  /** Workspace-relative paths of the files copied in (empty when the folder already had content). */
  seeded: string[]
}

/**
 * Makes sure `workspace` exists. A new or empty folder is seeded from `templatesDir` (whatever
 * templates exist there); a folder with content — e.g. an existing mindX checkout — is left alone.
 */
export async function ensureWorkspace(
  workspace: string,
  templatesDir: string,
): Promise<EnsureWorkspaceResult> {
  if ((await exists(workspace)) && !(await isEmptyDir(workspace))) return { workspace, seeded: [] }
  await mkdir(workspace, { recursive: true })
  const seeded: string[] = []
  for (const { template, target } of WORKSPACE_TEMPLATES) {
    const source = join(templatesDir, template)
    if (!(await exists(source))) continue
    const destination = join(workspace, target)
    await mkdir(dirname(destination), { recursive: true })
    await copyFile(source, destination)
    seeded.push(target)
  }
  return { workspace, seeded }
}
