// Runs one external program (gcloud): found on PATH, no shell, output streamed as lines, cancel kills its group.
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'

export type EnvRecord = Record<string, string | undefined>

export interface ProcessOptions {
  args: readonly string[]
  cwd?: string
  env?: EnvRecord
  /** Each output line as it arrives (without its newline). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Aborting kills the whole process group (gcloud starts children of its own). */
  signal?: AbortSignal
}

export interface ProcessResult {
  exitCode: number | null
  /** Set when the process was ended by a signal (cancel). */
  killedBy: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Thrown when the program is not on PATH: the caller says what to install. */
export class ProgramNotFoundError extends Error {
  override name = 'ProgramNotFoundError'
  constructor(readonly program: string) {
    super(`${program} was not found on PATH`)
  }
}

/** The absolute path `name` resolves to on `env.PATH` (PATHEXT on Windows), or null. */
export async function findOnPath(
  name: string,
  env: EnvRecord = process.env,
): Promise<string | null> {
  if (isAbsolute(name)) return (await isExecutable(name)) ? name : null
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)
  const extensions =
    process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : ['']
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext)
      if (await isExecutable(candidate)) return candidate
    }
  }
  return null
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Splits a byte stream into lines, flushing the last partial one at the end. */
function lineSplitter(emit: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  let pending = ''
  return {
    push(chunk) {
      pending += chunk.toString('utf8')
      const lines = pending.split(/\r?\n/)
      pending = lines.pop() ?? ''
      for (const line of lines) emit(line)
    },
    end() {
      if (pending !== '') emit(pending)
      pending = ''
    },
  }
}

/** Runs `program` (a name looked up on PATH, or a path) to completion. */
export async function runProcess(program: string, options: ProcessOptions): Promise<ProcessResult> {
  const env = options.env ?? process.env
  const path = await findOnPath(program, env)
  if (path === null) throw new ProgramNotFoundError(program)
  options.signal?.throwIfAborted()
  return new Promise((resolve, reject) => {
    const child = spawn(path, [...options.args], {
      cwd: options.cwd,
      env,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so cancel reaches what it started too (not on Windows).
      detached: process.platform !== 'win32',
      windowsHide: true,
    })
    const out = { stdout: '', stderr: '' }
    const splitters = (['stdout', 'stderr'] as const).map((stream) => {
      const splitter = lineSplitter((line) => {
        out[stream] += line + '\n'
        options.onLine?.(line, stream)
      })
      child[stream].on('data', (chunk: Buffer) => splitter.push(chunk))
      return splitter
    })
    const kill = () => {
      if (child.pid === undefined || child.exitCode !== null) return
      try {
        if (process.platform === 'win32') child.kill('SIGTERM')
        else process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
    options.signal?.addEventListener('abort', kill, { once: true })
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', kill)
      reject(error)
    })
    child.on('close', (exitCode, killedBy) => {
      options.signal?.removeEventListener('abort', kill)
      for (const splitter of splitters) splitter.end()
      resolve({ exitCode, killedBy, ...out })
    })
  })
}
