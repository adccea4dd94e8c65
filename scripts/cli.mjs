// `npm run cli`: runs src/cli from an esbuild bundle cached in .cache/cli (rebuilt when a source changed), with V8's code cache.
/* global process, console */
// Builtins through getBuiltinModule, not `import`: an ES module facade of node:fs alone costs a few ms.
const { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } =
  process.getBuiltinModule('node:fs')
const { createRequire } = process.getBuiltinModule('node:module')
const { dirname, join, resolve } = process.getBuiltinModule('node:path')
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url')
const { Script } = process.getBuiltinModule('node:vm')

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Inside the repo, so the bundle's external imports (the SDKs) resolve from its node_modules.
const cacheDir = join(root, '.cache', 'cli')
const stampFile = join(cacheDir, 'stamp.json')
const ENTRY = 'src/cli/main.ts'
/** Small libraries the CLI uses: inlined, which starts faster than resolving each package. */
const INLINED = new Set(['zod', 'yaml', 'dotenv', 'jsonc-parser'])
/** The bundle runs as a function of these (CommonJS's five, then the two the ESM sources need). */
const PARAMS = 'exports, require, module, __filename, __dirname, __cliImportMetaUrl, __cliImport'
/** A package file stands for its whole package: npm rewrites it on every install or upgrade. */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//

/** `[path, mtimeMs, size]` of a file under the repo, or `[path]` when it is gone. */
function fingerprint(path) {
  const stat = statSync(`${root}/${path}`, { throwIfNoEntry: false })
  return stat ? [path, stat.mtimeMs, stat.size] : [path]
}

/** The stamp of the last build when every file it lists is unchanged, else null. */
function freshStamp() {
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

/** Writes `text` to `path` through a rename, so a concurrent run sees the old file or the new one. */
function writeAtomic(path, text) {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}

/**
 * A CommonJS bundle, so it can run through vm.Script with a code cache (Node 20 has none for ES
 * modules). Its `import()` of an external package (the SDKs, loaded lazily) becomes
 * `__cliImport(…)`: this module's import(), which resolves from the repo's node_modules.
 */
async function rebuild() {
  // esbuild comes with vite (a dev dependency), so this works right after `npm ci`.
  const { build } = await import('esbuild')
  const { createHash } = process.getBuiltinModule('node:crypto')
  mkdirSync(cacheDir, { recursive: true })
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const external = Object.keys(dependencies).filter((name) => !INLINED.has(name))
  const result = await build({
    entryPoints: [join(root, ENTRY)],
    outfile: join(cacheDir, 'main.cjs'),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    // ESM builds first: jsonc-parser's `main` is a UMD build esbuild cannot bundle.
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': '__cliImportMetaUrl' },
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    plugins: [skipZodLocales],
    logLevel: 'error',
    absWorkingDir: root,
  })
  let code = result.outputFiles[0].text
  for (const name of external) {
    for (const quoted of [`"${name}"`, `"${name}/`])
      code = code.replaceAll(`import(${quoted}`, `__cliImport(${quoted}`)
  }
  if (/\bimport\(/.test(code)) throw new Error('the bundle has an import() it cannot run')
  const name = `main.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.includes(':')) // `empty:…` stubs
  const packages = sources.map((path) => PACKAGE_DIR.exec(path)?.[1]).filter(Boolean)
  const own = sources.filter((path) => !PACKAGE_DIR.test(path))
  const watched = [...own, ...new Set(packages.map((dir) => `${dir}/package.json`))]
  const inputs = [...watched, 'package.json', 'scripts/cli.mjs'].map(fingerprint)
  writeAtomic(join(cacheDir, name), code)
  writeAtomic(stampFile, JSON.stringify({ node: process.version, root, bundle: name, inputs }))
  // Earlier bundles and their code caches; a run that already read one keeps its copy in memory.
  for (const file of readdirSync(cacheDir)) {
    if (file.startsWith('main.') && !file.startsWith(name))
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
function readBundle(name) {
  const path = join(cacheDir, name)
  let cachedData
  try {
    cachedData = readFileSync(codeCacheFile(path))
  } catch {
    cachedData = undefined
  }
  return { path, source: readFileSync(path, 'utf8'), cachedData }
}

let bundle
try {
  const name = freshStamp()?.bundle
  bundle = name === undefined ? undefined : readBundle(name)
} catch {
  bundle = undefined // a concurrent build removed it: build again
}
if (bundle === undefined) {
  try {
    bundle = readBundle(await rebuild())
  } catch (err) {
    console.error(
      `cli: could not build the CLI bundle (${err instanceof Error ? err.message : err})`,
    )
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
await module.exports.main()
// After the first run, the cache also holds the functions that run compiled (V8 compiles lazily).
if (cachedData === undefined || script.cachedDataRejected === true) {
  try {
    writeAtomic(codeCacheFile(path), script.createCachedData())
  } catch {
    // A read-only checkout still runs, without the cache.
  }
}
