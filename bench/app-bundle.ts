// The renderer's built JS (out/renderer): every chunk raw and gzipped, and what the first page loads.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleChunk {
  file: string
  bytes: number
  gzipBytes: number
  /** Loaded by index.html before the first render (the entry and its static imports). */
  initial: boolean
}

export interface BundleReport {
  chunks: BundleChunk[]
  entry: BundleChunk
  initial: { bytes: number; gzipBytes: number }
  total: { bytes: number; gzipBytes: number }
  css: { bytes: number; gzipBytes: number }
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g

function sum(chunks: { bytes: number; gzipBytes: number }[]) {
  return {
    bytes: chunks.reduce((total, c) => total + c.bytes, 0),
    gzipBytes: chunks.reduce((total, c) => total + c.gzipBytes, 0),
  }
}

/** The entry chunk named by index.html's module script. */
function entryFile(html: string): string {
  const match = /<script[^>]*type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)
  if (!match?.[1]) throw new Error('out/renderer/index.html names no module script')
  return match[1]
}

/** The entry plus every chunk it imports statically, transitively (dynamic import() excluded). */
function initialFiles(entry: string, sources: Map<string, string>): Set<string> {
  const found = new Set<string>()
  const visit = (file: string) => {
    if (found.has(file) || !sources.has(file)) return
    found.add(file)
    for (const m of sources.get(file)!.matchAll(STATIC_IMPORT)) visit(m[1]!)
  }
  visit(entry)
  return found
}

/** Measures a built renderer folder (out/renderer); throws when it has not been built. */
export async function measureRendererBundle(outDir: string): Promise<BundleReport> {
  const assets = join(outDir, 'assets')
  const html = await readFile(join(outDir, 'index.html'), 'utf8')
  const files = (await readdir(assets)).sort()
  const sources = new Map<string, string>()
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    sources.set(file, await readFile(join(assets, file), 'utf8'))
  }
  const entry = entryFile(html)
  const initial = initialFiles(entry, sources)
  const size = (text: string) => ({
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text).length,
  })
  const chunks = [...sources]
    .map(([file, text]) => ({ file, ...size(text), initial: initial.has(file) }))
    .sort((a, b) => b.bytes - a.bytes)
  const css = await Promise.all(
    files
      .filter((f) => f.endsWith('.css'))
      .map(async (f) => size(await readFile(join(assets, f), 'utf8'))),
  )
  return {
    chunks,
    entry: chunks.find((c) => c.file === entry)!,
    initial: sum(chunks.filter((c) => c.initial)),
    total: sum(chunks),
    css: sum(css),
  }
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}

/** Lines for the report: totals, then the largest chunks. */
export function bundleLines(report: BundleReport, largest = 8): string[] {
  const lines = [
    `renderer JS: ${report.chunks.length} chunks, ${kb(report.total.bytes)} (${kb(report.total.gzipBytes)} gzip); CSS ${kb(report.css.bytes)} (${kb(report.css.gzipBytes)} gzip)`,
    `  loaded before the first render: ${kb(report.initial.bytes)} (${kb(report.initial.gzipBytes)} gzip), ${((report.initial.bytes / report.total.bytes) * 100).toFixed(0)}% of all JS`,
    '  largest chunks:',
  ]
  for (const chunk of report.chunks.slice(0, largest)) {
    const tag = chunk.file === report.entry.file ? ' (entry)' : chunk.initial ? ' (initial)' : ''
    lines.push(
      `    ${chunk.file.padEnd(40)} ${kb(chunk.bytes).padStart(10)} ${kb(chunk.gzipBytes).padStart(10)} gzip${tag}`,
    )
  }
  return lines
}
