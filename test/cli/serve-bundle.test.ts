// scripts/serve.mjs on a scratch repo: the serve entry from its cached bundle, with the repo root passed in.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../app/helpers'
import { cacheFiles, makeBundleRepo, runLauncher, writeSource } from './bundle-repo'

const LAUNCHER = 'scripts/serve.mjs'
const ENTRY = 'src/main/serve/cli.ts'
let temp: Awaited<ReturnType<typeof makeTempDir>>

/**
 * A stand-in for serve mode's entry: prints `word`, the root it was given, the type of the ollama
 * SDK it imports lazily and its arguments, then reports listening and exits like the real one.
 */
function entry(word: string): string {
  return `export async function main(root: string, hooks: { onListening?: () => void }): Promise<never> {
  const { Ollama } = await import('ollama')
  process.stdout.write(\`${word} \${root} \${typeof Ollama} \${process.argv.slice(2).join(' ')}\\n\`)
  hooks.onListening?.()
  process.exit(0)
}
`
}

const run = (...args: string[]) => runLauncher(temp.dir, LAUNCHER, ...args)
const files = () => cacheFiles(temp.dir, 'serve')

beforeAll(async () => {
  temp = await makeTempDir('mindx-serve-bundle-')
  await makeBundleRepo(temp.dir, LAUNCHER)
  await writeSource(temp.dir, ENTRY, entry('first'))
})
afterAll(() => temp.cleanup())

describe('scripts/serve.mjs', () => {
  it('builds the bundle on first use and passes the repo root, not the bundle’s folder', async () => {
    expect(run('--port', '0')).toEqual({
      status: 0,
      stdout: `first ${temp.dir} function --port 0\n`,
      stderr: '',
    })
    const [bundle, cache, stamp] = await files()
    expect(bundle).toMatch(/^main\.[0-9a-f]{16}\.cjs$/)
    // Written once the server listened, so a later start compiles nothing.
    expect(cache).toMatch(/^main\.[0-9a-f]{16}\.cjs\.[0-9a-f]{1,8}\.v8$/)
    expect(stamp).toBe('stamp.json')
    expect(run().stdout).toBe(`first ${temp.dir} function \n`)
    expect(await files()).toEqual([bundle, cache, stamp])
  })

  it('rebuilds when a source changes', async () => {
    const [before] = await files()
    await writeSource(temp.dir, ENTRY, entry('second'))
    expect(run().stdout).toBe(`second ${temp.dir} function \n`)
    const after = await files()
    expect(after).toHaveLength(3)
    expect(after).not.toContain(before)
  })

  it('says what failed when the source does not build', async () => {
    await writeSource(temp.dir, ENTRY, 'export const = ;\n')
    const result = run()
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^serve: could not build the serve bundle \(Build failed/m)
    expect(result.stderr).toContain('Expected identifier')
  })

  it('refuses a source that finds paths from import.meta.dirname, which a bundle cannot keep', async () => {
    await writeSource(
      temp.dir,
      ENTRY,
      `export const main = () => console.log(import.meta.dirname)\n`,
    )
    const result = run()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      `serve: could not build the serve bundle (${join('src', 'main', 'serve', 'cli.ts')}:1: import.meta is empty in the bundle; pass the path in explicitly)`,
    )
  })
})
