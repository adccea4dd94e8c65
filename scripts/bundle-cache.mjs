// Runs a TypeScript entry from an esbuild bundle cached in .cache/<name> (rebuilt when a source changed), with V8's code cache.
/* global process */
// Builtins through getBuiltinModule, not `import`: an ES module facade of node:fs alone costs a few ms.
const { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } =
  process.getBuiltinModule('node:fs')
const { createRequire } = process.getBuiltinModule('node:module')
const { dirname, join, resolve } = process.getBuiltinModule('node:path')
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url')
const { Script } = process.getBuiltinModule('node:vm')

/** The repo: its node_modules resolve the bundles' external imports (the SDKs). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Small libraries the entries use: inlined, which starts faster than resolving each package. */
const INLINED = new Set(['zod', 'yaml', 'dotenv', 'jsonc-parser'])
/** A bundle runs as a function of these (CommonJS's five, then the two the ESM sources need). */
const PARAMS =
  'exports, require, module, __filename, __dirname, __bundleImportMetaUrl, __bundleImport'
/** A package file stands for its whole package: npm rewrites it on every install or upgrade. */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//

/** `[path, mtimeMs, size]` of a file under the repo, or `[path]` when it is gone. */
function fingerprint(path) {
  const stat = statSync(`${root}/${path}`, { throwIfNoEntry: false })
  return stat ? [path, stat.mtimeMs, stat.size] : [path]
}

/** The stamp of the last build when every file it lists is unchanged, else null. */
function freshStamp(stampFile) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
  } catch {
    return null
  }
  if (stamp.node !== process.version || stamp.root !== root) return null
  for (const [path, mtimeMs, size] of stamp.inputs) {
    const stat = statSync(`${root}/${path}`, { throwIfNoEntry: false })
    if (stat?.mtimeMs !== mtimeMs || stat.size !== size) return null
  }
  return stamp
}

/**
 * zod re-exports every locale (`z.locales`, ~60 files); the entries speak English only, which zod
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

/** Writes `text` to `path` through a rename, so a concurrent run sees the old file or the new one. */
function writeAtomic(path, text) {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}

/**
 * A CommonJS bundle, so it can run through vm.Script with a code cache (Node 20 has none for ES
 * modules). Its `import()` of an external package (the SDKs, loaded lazily) becomes
 * `__bundleImport(…)`: this module's import(), which resolves from the repo's node_modules.
 * `import.meta.url` is the bundle's own URL; other `import.meta` fields would be empty in
 * CommonJS, so they fail the build (pass paths such as the repo root in explicitly instead).
 */
async function rebuild({ cacheDir, stampFile, entry, launcher }) {
  // esbuild comes with vite (a dev dependency), so this works right after `npm ci`.
  const { build } = await import('esbuild')
  const { createHash } = process.getBuiltinModule('node:crypto')
  mkdirSync(cacheDir, { recursive: true })
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const external = Object.keys(dependencies).filter((name) => !INLINED.has(name))
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: join(cacheDir, 'main.cjs'),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    // ESM builds first: jsonc-parser's `main` is a UMD build esbuild cannot bundle.
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': '__bundleImportMetaUrl' },
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    plugins: [skipZodLocales],
    logLevel: 'error',
    absWorkingDir: root,
  })
  const emptyMeta = result.warnings.find((warning) => warning.id === 'empty-import-meta')
  if (emptyMeta) {
    const where = emptyMeta.location
      ? `${emptyMeta.location.file}:${emptyMeta.location.line}: `
      : ''
    throw new Error(`${where}import.meta is empty in the bundle; pass the path in explicitly`)
  }
  let code = result.outputFiles[0].text
  for (const name of external) {
    for (const quoted of [`"${name}"`, `"${name}/`])
      code = code.replaceAll(`import(${quoted}`, `__bundleImport(${quoted}`)
  }
  if (/\bimport\(/.test(code)) throw new Error('the bundle has an import() it cannot run')
  const name = `main.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.includes(':')) // `empty:…` stubs
  const packages = sources.map((path) => PACKAGE_DIR.exec(path)?.[1]).filter(Boolean)
  const own = sources.filter((path) => !PACKAGE_DIR.test(path))
  const watched = [...own, ...new Set(packages.map((dir) => `${dir}/package.json`))]
  const scripts = [launcher, 'scripts/bundle-cache.mjs']
  const inputs = [...watched, 'package.json', ...scripts].map(fingerprint)
  writeAtomic(join(cacheDir, name), code)
  writeAtomic(stampFile, JSON.stringify({ node: process.version, root, bundle: name, inputs }))
  // Earlier bundles and their code caches (not a concurrent build's temp file); a run that already
  // read one keeps its copy in memory.
  for (const file of readdirSync(cacheDir)) {
    if (file.startsWith('main.') && !file.startsWith(name) && !file.endsWith('.tmp'))
      rmSync(join(cacheDir, file), { force: true })
  }
  return name
}

/**
 * V8 refuses a code cache made under other flags (heap sizes, --inspect…): one cache per flag set,
 * so runs with and without flags do not overwrite each other's.
 */
function codeCacheFile(path) {
  let hash = 0x811c9dc5 // FNV-1a
  for (const char of process.execArgv.join(' '))
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x1000193)
  return `${path}.${(hash >>> 0).toString(16)}.v8`
}

/** The bundle's source, and V8's code cache for it when an earlier run left one. */
function readBundle(cacheDir, name) {
  const path = join(cacheDir, name)
  let cachedData
  try {
    cachedData = readFileSync(codeCacheFile(path))
  } catch {
    cachedData = undefined
  }
  return { path, source: readFileSync(path, 'utf8'), cachedData }
}

/**
 * Loads `entry` (a path under the repo) from its bundle in .cache/`name`, building it first when it
 * is missing or stale; `launcher` is the script calling this (a change to it rebuilds too). A build
 * failure prints `<name>: could not build the <title> bundle (…)` and exits 1. Returns the entry's
 * exports and `saveCodeCache`, to call once the start-up path ran (V8 compiles lazily, so the
 * cache then holds the functions that ran); it writes only when there was no usable cache.
 */
export async function loadBundle({ name, title, entry, launcher }) {
  const cacheDir = join(root, '.cache', name)
  const stampFile = join(cacheDir, 'stamp.json')
  let bundle
  try {
    const file = freshStamp(stampFile)?.bundle
    bundle = file === undefined ? undefined : readBundle(cacheDir, file)
  } catch {
    bundle = undefined // a concurrent build removed it: build again
  }
  if (bundle === undefined) {
    try {
      bundle = readBundle(cacheDir, await rebuild({ cacheDir, stampFile, entry, launcher }))
    } catch (err) {
      const reason = err instanceof Error ? err.message : err
      process.stderr.write(`${name}: could not build the ${title} bundle (${reason})\n`)
      process.exit(1)
    }
  }
  const { path, source, cachedData } = bundle
  // Same line numbers as the file: the wrapper opens on its first line.
  const script = new Script(`(function (${PARAMS}) {${source}\n})`, { filename: path, cachedData })
  const module = { exports: {} }
  script.runInThisContext()(
    module.exports,
    createRequire(path),
    module,
    path,
    dirname(path),
    pathToFileURL(path).href,
    (specifier) => import(specifier),
  )
  const saveCodeCache = () => {
    if (cachedData !== undefined && script.cachedDataRejected !== true) return
    try {
      writeAtomic(codeCacheFile(path), script.createCachedData())
    } catch {
      // A read-only checkout still runs, without the cache.
    }
  }
  return { exports: module.exports, saveCodeCache }
}
