// scripts/cli.mjs on a scratch repo: builds on first use, reruns from the bundle and V8's code cache, rebuilds on a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../app/helpers'
import { cacheFiles, makeBundleRepo, runLauncher, writeSource } from './bundle-repo'

const LAUNCHER = 'scripts/cli.mjs'
const ENTRY = 'src/cli/main.ts'
let temp: Awaited<ReturnType<typeof makeTempDir>>

/** A source whose answer names `word` and the type of the ollama SDK it imports lazily. */
function entry(word: string): string {
  return `export async function main(): Promise<void> {
  const { Ollama } = await import('ollama')
  process.stdout.write(\`${word} \${typeof Ollama} \${process.argv.slice(2).join(' ')}\\n\`)
}
`
}

const run = (...args: string[]) => runLauncher(temp.dir, LAUNCHER, ...args)
const files = () => cacheFiles(temp.dir, 'cli')

beforeAll(async () => {
  temp = await makeTempDir('mindx-cli-bundle-')
  await makeBundleRepo(temp.dir, LAUNCHER)
  await writeSource(temp.dir, ENTRY, entry('first'))
})
afterAll(() => temp.cleanup())

describe('scripts/cli.mjs', () => {
  it('builds the bundle on first use, then runs it with a code cache', async () => {
    expect(run('resolve', '--json')).toEqual({
      status: 0,
      stdout: 'first function resolve --json\n',
      stderr: '',
    })
    const [bundle, cache, stamp] = await files()
    expect(bundle).toMatch(/^main\.[0-9a-f]{16}\.cjs$/)
    expect(cache).toMatch(/^main\.[0-9a-f]{16}\.cjs\.[0-9a-f]{1,8}\.v8$/) // one per node flag set
    expect(cache!.startsWith(bundle!)).toBe(true)
    expect(stamp).toBe('stamp.json')
    expect(run('resolve').stdout).toBe('first function resolve\n')
    expect(await files()).toEqual([bundle, cache, stamp])
  })

  it('rebuilds when a source changes, and drops the old bundle and its cache', async () => {
    const [before] = await files()
    await writeSource(temp.dir, ENTRY, entry('second, edited'))
    expect(run('models').stdout).toBe('second, edited function models\n')
    const after = await files()
    expect(after).toHaveLength(3)
    expect(after).not.toContain(before)
  })

  it('says what failed when the source does not build', async () => {
    await writeSource(temp.dir, ENTRY, 'export const = ;\n')
    const result = run('resolve')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^cli: could not build the CLI bundle \(Build failed/m)
    expect(result.stderr).toContain('Expected identifier')
  })
})
