// Suite files: the workspace's bench/ folder (created on first save) and the shipped, read-only examples.
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SuiteFormat, SuiteListItem, SuiteValidation } from '../../../shared/bench'
import { writeFileAtomic } from '../config/atomic-write'
import { suiteFormatOf, validateSuiteText } from './suite-file'

export const SUITES_DIR = 'bench'
const EXAMPLE_PREFIX = 'example:'
const SUITE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(ya?ml|json)$/i

export class SuiteNotFoundError extends Error {
  override name = 'SuiteNotFoundError'
}

export interface SuiteText {
  id: string
  file: string
  origin: SuiteListItem['origin']
  format: SuiteFormat
  text: string
  validation: SuiteValidation
}

export function isSuiteFileName(name: string): boolean {
  return SUITE_FILE_NAME.test(name)
}

export class SuiteStore {
  constructor(
    private readonly workspace: string,
    /** The app's shipped examples (config/bench); absent in some tests. */
    private readonly examplesDir?: string,
  ) {}

  private locate(id: string): { file: string; origin: SuiteListItem['origin']; name: string } {
    const example = id.startsWith(EXAMPLE_PREFIX)
    const name = example ? id.slice(EXAMPLE_PREFIX.length) : id.replace(/^bench\//, '')
    if (!isSuiteFileName(name) || (example && !this.examplesDir)) {
      throw new SuiteNotFoundError(`No suite ${JSON.stringify(id)}.`)
    }
    return example
      ? { file: join(this.examplesDir!, name), origin: 'example', name }
      : { file: join(this.workspace, SUITES_DIR, name), origin: 'workspace', name }
  }

  async read(id: string): Promise<SuiteText> {
    const { file, origin } = this.locate(id)
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new SuiteNotFoundError(`The suite file ${file} could not be read.`, { cause: error })
    })
    const format = suiteFormatOf(file)!
    return { id, file, origin, format, text, validation: validateSuiteText(text, format, file) }
  }

  /** Writes bench/<name> (atomically, keeping a .bak) when the text is a valid suite. */
  async save(name: string, text: string): Promise<SuiteText> {
    if (!isSuiteFileName(name)) {
      throw new SuiteNotFoundError(
        `${JSON.stringify(name)} is not a suite file name: use letters, digits, . _ - and end in .yaml or .json.`,
      )
    }
    const id = `${SUITES_DIR}/${name}`
    const { file } = this.locate(id)
    const format = suiteFormatOf(name)!
    const validation = validateSuiteText(text, format, file)
    if (validation.ok) {
      await mkdir(join(this.workspace, SUITES_DIR), { recursive: true })
      await writeFileAtomic(file, text, { keepBackup: true })
    }
    return { id, file, origin: 'workspace', format, text, validation }
  }

  async list(): Promise<SuiteListItem[]> {
    const workspaceFiles = await suiteFiles(join(this.workspace, SUITES_DIR))
    const exampleFiles = this.examplesDir ? await suiteFiles(this.examplesDir) : []
    const ids = [
      ...workspaceFiles.map((name) => `${SUITES_DIR}/${name}`),
      ...exampleFiles.map((name) => `${EXAMPLE_PREFIX}${name}`),
    ]
    const items: SuiteListItem[] = []
    for (const id of ids) {
      const suite = await this.read(id).catch(() => undefined)
      if (suite) items.push(listItem(suite))
    }
    return items
  }
}

async function suiteFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter(isSuiteFileName).sort()
}

function listItem(suite: SuiteText): SuiteListItem {
  const base = {
    id: suite.id,
    file: suite.file,
    origin: suite.origin,
    format: suite.format,
  }
  const fileName = suite.file.split(/[\\/]/).pop() ?? suite.file
  if (!suite.validation.ok) return { ...base, name: fileName, issue: suite.validation.issue }
  const { name, task_type, cases, models } = suite.validation.suite
  return { ...base, name, taskType: task_type, cases: cases.length, models: models.length }
}
