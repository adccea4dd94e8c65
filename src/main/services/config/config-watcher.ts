// Watches one config file for changes made outside the app (another editor, git pull) and reports new text.
import { realpathSync, watch, watchFile, unwatchFile } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import { readConfigFile } from './read-config-file'

export interface ConfigFileWatcher {
  readonly path: string
  close(): void
}

export interface WatchConfigFileOptions {
  /** Editors write in bursts (truncate, write, rename); one report per burst. */
  debounceMs?: number
  /** The text the caller already knows; the first report is the first different text. */
  initialText?: string
  /** Interval of the stat-polling fallback used when the folder cannot be watched. */
  pollMs?: number
}

/** The file itself and, when it is a symlink, what it points to (edits land there). */
function watchedPaths(path: string): string[] {
  try {
    const real = realpathSync(path)
    return real === path ? [path] : [path, real]
  } catch {
    return [path]
  }
}

/**
 * Calls `onChange` with the file's new text ('' when it was deleted) whenever its content differs
 * from the last text reported. The folder is watched, not the file: atomic saves (temp + rename)
 * replace the file's inode, which a watch on the file itself would lose. A symlinked file is
 * watched in the link's folder and in its target's.
 */
export function watchConfigFile(
  path: string,
  onChange: (text: string) => void,
  options: WatchConfigFileOptions = {},
): ConfigFileWatcher {
  const debounceMs = options.debounceMs ?? 120
  let lastText: string | undefined = options.initialText
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const check = async () => {
    const text = (await readConfigFile(path).catch(() => undefined)) ?? ''
    if (closed || text === lastText) return
    lastText = text
    onChange(text)
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void check(), debounceMs)
  }
  if (lastText === undefined) {
    void readConfigFile(path).then(
      (text) => void (lastText ??= text ?? ''),
      () => void (lastText ??= ''),
    )
  }

  const watchers: FSWatcher[] = []
  const polled: string[] = []
  for (const watched of watchedPaths(path)) {
    const name = basename(watched)
    try {
      const watcher = watch(dirname(watched), { persistent: false }, (_event, file) => {
        // Some platforms omit the name; then any change in the folder is checked.
        if (file === null || String(file) === name) schedule()
      })
      watcher.on('error', () => undefined)
      watchers.push(watcher)
    } catch {
      watchFile(watched, { interval: options.pollMs ?? 1000, persistent: false }, schedule)
      polled.push(watched)
    }
  }

  return {
    path,
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      watchers.forEach((watcher) => watcher.close())
      polled.forEach((watched) => unwatchFile(watched))
    },
  }
}
