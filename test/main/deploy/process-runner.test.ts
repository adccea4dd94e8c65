// The one process runner: PATH lookup without a shell, lines as they come, exit codes, cancel of the whole group.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  findOnPath,
  ProgramNotFoundError,
  runProcess,
} from '../../../src/main/services/process-runner'

/** Running, not gone and not a zombie waiting for a container's init to reap it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

describe('runProcess', () => {
  it('streams stdout and stderr line by line and returns the exit code', async () => {
    const lines: string[] = []
    const result = await runProcess('sh', {
      args: ['-c', 'echo one; echo two >&2; printf "three"; exit 3'],
      onLine: (line, stream) => lines.push(`${stream}:${line}`),
    })
    expect(result.exitCode).toBe(3)
    expect(lines).toContain('stdout:one')
    expect(lines).toContain('stderr:two')
    expect(lines).toContain('stdout:three')
    expect(result.stdout).toBe('one\nthree\n')
    expect(result.stderr).toBe('two\n')
  })

  it('passes arguments as they are: no shell expands them', async () => {
    const result = await runProcess('printf', { args: ['%s|', '$HOME', '*', 'a b'] })
    expect(result.stdout).toBe('$HOME|*|a b|\n')
  })

  it('says which program is missing from PATH', async () => {
    await expect(runProcess('gcloud', { args: [], env: { PATH: '/nonexistent' } })).rejects.toThrow(
      ProgramNotFoundError,
    )
    expect(await findOnPath('sh')).toMatch(/\/sh$/)
    expect(await findOnPath('gcloud', { PATH: '/nonexistent' })).toBeNull()
  })

  it('cancel kills the process and what it started', async () => {
    const controller = new AbortController()
    let childPid = 0
    const run = runProcess('sh', {
      args: ['-c', 'sleep 30 & echo $!; wait'],
      signal: controller.signal,
      onLine: (line) => {
        childPid = Number(line)
        controller.abort()
      },
    })
    const result = await run
    expect(result.killedBy).toBe('SIGTERM')
    expect(childPid).toBeGreaterThan(0)
    await expect.poll(() => isAlive(childPid)).toBe(false)
  })
})
