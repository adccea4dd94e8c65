// The AppApi this page runs on, chosen once at start-up (tests install a fake one).
import type { AppApi } from './app-api'
import { createElectronAppApi } from './electron-api'
import { createWebAppApi, takeToken } from './web-api'

let current: AppApi | null = null

export function setAppApi(api: AppApi): void {
  current = api
}

export function getAppApi(): AppApi {
  if (!current) throw new Error('AppApi used before start-up chose a transport')
  return current
}

/** Electron when the preload exposed window.mindx, otherwise serve mode over HTTP. */
export function createPlatformAppApi(win: Window): AppApi {
  if (win.mindx) return createElectronAppApi(win.mindx)
  const token = takeToken({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
  })
  return createWebAppApi({ token: token ?? '' })
}
