// `npm start`: build and launch Electron, or explain serve mode when its binary is missing.
/* global process, console */
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const binary = findElectronBinary()

if (!binary.found) {
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
    ].join('\n'),
  )
  process.exit(1)
}

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  { cwd: root, stdio: 'inherit' },
)
if (build.status !== 0) process.exit(build.status ?? 1)

const app = spawn(binary.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal))
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
