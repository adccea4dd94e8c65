// scripts/cli.mjs on a scratch repo: builds on first use, reruns from the bundle and V8's code cache, rebuilds on a change.
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../app/helpers'

const ROOT = join(import.meta.dirname, '..', '..')
let temp: Awaited<ReturnType<typeof makeTempDir>>

/** A source whose answer names `word` and the type of the ollama SDK it imports lazily. */
function entry(word: string): string {
  return `export async function main(): Promise<void> {
  const { Ollama } = await import('ollama')
  process.stdout.write(\`${word} \${typeof Ollama} \${process.argv.slice(2).join(' ')}\\n\`)
}
`
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(temp.dir, 'scripts', 'cli.mjs'), ...args], {
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const cacheFiles = async () => (await readdir(join(temp.dir, '.cache', 'cli'))).sort()

beforeAll(async () => {
  temp = await makeTempDir('mindx-cli-bundle-')
  await mkdir(join(temp.dir, 'scripts'))
  await mkdir(join(temp.dir, 'src', 'cli'), { recursive: true })
  await copyFile(join(ROOT, 'scripts', 'cli.mjs'), join(temp.dir, 'scripts', 'cli.mjs'))
  await symlink(join(ROOT, 'node_modules'), join(temp.dir, 'node_modules'), 'dir')
  const pkg = { type: 'module', dependencies: { ollama: '*', zod: '*' } }
  await writeFile(join(temp.dir, 'package.json'), JSON.stringify(pkg))
  await writeFile(join(temp.dir, 'src', 'cli', 'main.ts'), entry('first'))
})
afterAll(() => temp.cleanup())

describe('scripts/cli.mjs', () => {
  it('builds the bundle on first use, then runs it with a code cache', async () => {
    expect(run('resolve', '--json')).toEqual({
      status: 0,
      stdout: 'first function resolve --json\n',
      stderr: '',
    })
    const [bundle, cache, stamp] = await cacheFiles()
    expect(bundle).toMatch(/^main\.[0-9a-f]{16}\.cjs$/)
    expect(cache).toMatch(/^main\.[0-9a-f]{16}\.cjs\.[0-9a-f]{1,8}\.v8$/) // one per node flag set
    expect(cache!.startsWith(bundle!)).toBe(true)
    expect(stamp).toBe('stamp.json')
    expect(run('resolve').stdout).toBe('first function resolve\n')
    expect(await cacheFiles()).toEqual([bundle, cache, stamp])
  })

  it('rebuilds when a source changes, and drops the old bundle and its cache', async () => {
    const [before] = await cacheFiles()
    await writeFile(join(temp.dir, 'src', 'cli', 'main.ts'), entry('second, edited'))
    expect(run('models').stdout).toBe('second, edited function models\n')
    const after = await cacheFiles()
    expect(after).toHaveLength(3)
    expect(after).not.toContain(before)
  })

  it('says what failed when the source does not build', async () => {
    await writeFile(join(temp.dir, 'src', 'cli', 'main.ts'), 'export const = ;\n')
    const result = run('resolve')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^cli: could not build the CLI bundle \(Build failed/m)
    expect(result.stderr).toContain('Expected identifier')
  })
})
