// Where serve mode keeps its own small state (the recent workspaces): outside every workspace.
import { join } from 'node:path'

export const STATE_DIR_ENV = 'MINDX_STUDIO_STATE_DIR'
export const SERVE_RECENT_FILE = 'serve-recent-workspaces.json'

/**
 * `$MINDX_STUDIO_STATE_DIR`, else the folder the desktop app keeps its data in (Electron's userData
 * for this app), so both stay together; serve mode uses its own file there.
 */
export function studioStateDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  home: string,
): string {
  const override = env[STATE_DIR_ENV]?.trim()
  if (override) return override
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(appData, 'mindx-llm-factory-studio')
}
