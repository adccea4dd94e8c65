// Processes the app benchmarks start and read: a bare static file server, and RSS from /proc.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

/**
 * The baseline server: plain node:http and fs, no framework, no API, no TypeScript loader. It
 * serves `dir` (index.html for `/`), 404 for anything missing, and prints its URL when listening.
 */
const STATIC_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path')
const root = process.argv[1]
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname
  const file = path.join(root, url === '/' ? 'index.html' : path.normalize(url))
  fs.readFile(file, (error, body) => {
    if (error) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body)
  })
}).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/') })
`

export interface StartedServer {
  url: string
  pid: number
  stop: () => Promise<void>
}

/** Starts the baseline static server on a free port; resolves once it prints its URL. */
export async function startStaticServer(dir: string): Promise<StartedServer> {
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => resolve(line.trim()))
    child.on('exit', (code) => reject(new Error(`static server exited with ${code}`)))
  })
  return {
    url,
    pid: child.pid!,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return null
  }
}

/** Every live descendant of `pid`, parents before children. */
export function descendants(pid: number): number[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
  const found: number[] = []
  const visit = (parent: number) => {
    for (const child of all.filter((p) => parentOf(p) === parent)) {
      found.push(child)
      visit(child)
    }
  }
  visit(pid)
  return found
}

/** VmRSS of a process in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
  } catch {
    return ''
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Resolves once none of `pids` is alive (so the next measurement does not share the CPU with them). */
export async function waitGone(pids: number[], timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (pids.some((pid) => commandLine(pid) !== '') && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100

function cpuTicks(pid: number, withExitedChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after "(comm)": state(3) … utime(14) stime(15) cutime(16) cstime(17); index = field - 3.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    const own = fields[11]! + fields[12]!
    return withExitedChildren ? own + fields[13]! + fields[14]! : own
  } catch {
    return 0
  }
}

/**
 * CPU time a process tree has used so far (its live processes, plus children that already exited
 * and were waited for): unlike wall time, it barely moves when other work shares the machine.
 */
export function treeCpuMs(pid: number): number {
  const ticks = [pid, ...descendants(pid)].reduce((total, p) => total + cpuTicks(p, true), 0)
  return (ticks * 1000) / TICKS_PER_SECOND
}
