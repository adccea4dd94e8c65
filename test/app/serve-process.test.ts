// Serve mode as a process: plain Node (no Electron on its import path), URL on stdout, clean Ctrl+C.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from './helpers'

const root = join(import.meta.dirname, '..', '..')
let temp: Awaited<ReturnType<typeof makeTempDir>>
beforeAll(async () => {
  temp = await makeTempDir()
})
afterAll(() => temp.cleanup())

/** Every local module reachable from `entry` through static or dynamic imports. */
async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>()
  const pending = [entry]
  while (pending.length > 0) {
    const file = pending.pop()!
    if (graph.has(file)) continue
    const text = await readFile(file, 'utf8')
    const specifiers = [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!)
    graph.set(file, specifiers)
    for (const spec of specifiers.filter((s) => s.startsWith('.'))) {
      const base = resolve(dirname(file), spec)
      const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]
      const found = candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c))
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`)
      pending.push(found)
    }
  }
  return graph
}

describe('serve mode process', () => {
  it('imports nothing from electron, directly or indirectly', async () => {
    const graph = await importGraph(join(root, 'src/main/serve/cli.ts'))
    expect(graph.size).toBeGreaterThan(10)
    for (const [file, specifiers] of graph) {
      for (const spec of specifiers) expect(spec, file).not.toMatch(/^electron(\/|$)/)
    }
  })

  it('prints the URL, answers, and stops cleanly on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts/serve.mjs'),
        '--workspace',
        join(temp.dir, 'ws'),
        '--port',
        '0',
        '--token',
        'process-test-token',
      ],
      // A fresh out/renderer is not needed for the API; skip the build when it is already there.
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const url = await new Promise<string>((done, fail) => {
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /^http:\/\/127\.0\.0\.1:\d+\/\?token=process-test-token$/m.exec(stdout)
        if (match) done(match[0])
      })
      child.on('exit', () => fail(new Error(`serve exited early:\n${stderr}`)))
    })
    const { origin } = new URL(url)
    const response = await fetch(`${origin}/api/app:info`, {
      method: 'POST',
      headers: { authorization: 'Bearer process-test-token' },
    })
    expect(await response.json()).toMatchObject({ ok: true, value: { transport: 'web' } })

    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(stderr).toContain('Stopped.')
  }, 120_000)
})
