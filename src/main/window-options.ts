// The main window's BrowserWindow options, as a pure function so a unit test pins every security flag.
import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_BOUNDS: WindowBounds = { width: 1280, height: 820 }
export const APP_NAME = 'mindX LLM Factory Studio'

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (CommonJS, so it runs with sandbox: true). */
  preloadPath: string
  bounds?: WindowBounds
  /** Background painted before the renderer's first frame (matches the OS theme). */
  dark?: boolean
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const bounds = input.bounds ?? DEFAULT_WINDOW_BOUNDS
  return {
    ...bounds,
    minWidth: 880,
    minHeight: 560,
    title: APP_NAME,
    show: false,
    backgroundColor: input.dark ? '#17181c' : '#f7f7f9',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}
