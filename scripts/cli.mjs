// `npm run cli`: runs src/cli from an esbuild bundle cached in .cache/cli, rebuilt only when a source changed.
/* global process, console */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Inside the repo, so the bundle's external imports (zod, the SDKs) resolve from its node_modules.
const cacheDir = join(root, '.cache', 'cli')
const bundle = join(cacheDir, 'main.mjs')
const stampFile = join(cacheDir, 'stamp.json')
const ENTRY = 'src/cli/main.ts'
/** Small libraries every command loads: inlined, which starts faster than resolving each package. */
const INLINED = new Set(['zod', 'yaml', 'dotenv', 'jsonc-parser'])

/** `mtime:size` of a file, or null when it is gone. */
function fingerprint(path) {
  try {
    const stat = statSync(join(root, path))
    return `${stat.mtimeMs}:${stat.size}`
  } catch {
    return null
  }
}

/** True when every source the last build read is unchanged (the stamp lists them all). */
function isFresh() {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
  } catch {
    return false
  }
  if (stamp.node !== process.version) return false
  return Object.entries(stamp.inputs).every(([path, print]) => fingerprint(path) === print)
}

/**
 * zod re-exports every locale (`z.locales`, ~60 files); the CLI speaks English only, which zod
 * imports on its own (locales/en.js). Leaving the rest out saves parsing them at each start.
 */
const skipZodLocales = {
  name: 'skip-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }))
  },
}

async function rebuild() {
  // esbuild comes with vite (a dev dependency), so this works right after `npm ci`.
  const { build } = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  // Every other dependency (the SDKs) stays an import, loaded lazily by its protocol folder.
  const external = Object.keys(dependencies).filter((name) => !INLINED.has(name))
  const temp = `${bundle}.${process.pid}.tmp`
  const result = await build({
    entryPoints: [join(root, ENTRY)],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // ESM builds first: jsonc-parser's `main` is a UMD build esbuild cannot bundle as ESM.
    mainFields: ['module', 'main'],
    minifyWhitespace: true,
    // dotenv is CommonJS and requires node builtins: give the ESM bundle a `require`.
    banner: {
      js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);",
    },
    minifySyntax: true,
    metafile: true,
    plugins: [skipZodLocales],
    logLevel: 'error',
    absWorkingDir: root,
  })
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs)
      .filter((path) => !path.includes(':')) // `empty:…` stubs are not files
      .map((path) => [path, fingerprint(path)]),
  )
  inputs['package.json'] = fingerprint('package.json')
  // Renames are atomic: a concurrent run sees the old bundle or the new one, never half of one.
  renameSync(temp, bundle)
  const stampTemp = `${stampFile}.${process.pid}.tmp`
  writeFileSync(stampTemp, JSON.stringify({ node: process.version, inputs }))
  renameSync(stampTemp, stampFile)
}

if (!isFresh()) {
  try {
    await rebuild()
  } catch (err) {
    console.error(
      `cli: could not build the CLI bundle (${err instanceof Error ? err.message : err})`,
    )
    process.exit(1)
  }
}
const { main } = await import(pathToFileURL(bundle).href)
await main()
