// `npm start`: build and launch Electron, or explain serve mode when its binary is missing.
/* global process, console */
import { spawn, spawnSync } from 'node:child_process'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const binary = findElectronBinary()

if (!binary.found) {
  // A person at a terminal gets the app anyway, in the browser; scripts and CI get a clear failure.
  const fallBack =
    process.stdout.isTTY && !process.env.CI && process.env.MINDX_NO_SERVE_FALLBACK !== '1'
  const workspace = process.env.MINDX_WORKSPACE ?? defaultWorkspace()
  console.error(
    [
      "The Electron binary isn't installed, so the desktop app can't start here",
      `(${binary.reason}). Install it with \`npx install-electron\` where downloads work, or run the`,
      'same app in your browser with serve mode instead:',
      '',
      '    npm run serve -- --workspace DIR',
      '',
      'DIR is a workspace folder (an existing mindX checkout, or a new folder to create); open the',
      'http://127.0.0.1 address it prints.',
      ...(fallBack ? ['', `Starting serve mode now with the workspace ${workspace} …`, ''] : []),
    ].join('\n'),
  )
  if (!fallBack) process.exit(1)
  // What `npm run serve` runs: serve mode from its cached bundle (scripts/bundle-cache.mjs).
  const serve = spawn(
    process.execPath,
    [join(root, 'scripts', 'serve.mjs'), '--workspace', workspace, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  )
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal))
  serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  launchElectron(binary.path)
}

/** Where the desktop app keeps its first-run workspace (Electron's userData folder). */
function defaultWorkspace() {
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return join(appData, 'mindx-llm-factory-studio', 'workspace')
}

function launchElectron(electronPath) {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)

  const app = spawn(electronPath, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal))
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
