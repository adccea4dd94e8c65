// Security-relevant options of the Electron shell, pinned: a regression here is a red test.
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/csp'
import { buildMenuTemplate } from '../../src/main/menu'
import { isAppUrl, isSafeExternalUrl } from '../../src/main/navigation-policy'
import { mainWindowOptions } from '../../src/main/window-options'
import { fitToDisplays } from '../../src/main/window-state'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' })

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
  })

  it('loads the CommonJS preload (sandboxed preloads cannot be ES modules)', () => {
    expect(options.webPreferences?.preload).toMatch(/\.cjs$/)
  })

  it('uses remembered bounds and waits for the first paint before showing', () => {
    const sized = mainWindowOptions({
      preloadPath: '/p.cjs',
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
    })
    expect(sized).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false })
  })
})

describe('contentSecurityPolicy', () => {
  it('allows no inline script and no connections over IPC', () => {
    const csp = contentSecurityPolicy({ connectSrc: ["'none'"] })
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toContain("connect-src 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('relaxes only for the dev server', () => {
    const csp = contentSecurityPolicy({
      connectSrc: ["'none'"],
      devServerUrl: 'http://localhost:5173',
    })
    expect(csp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
  })
})

describe('navigation policy', () => {
  it('keeps the window on the app', () => {
    expect(isAppUrl('app://mindx/index.html')).toBe(true)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('https://ollama.com')).toBe(true)
    expect(isSafeExternalUrl('http://localhost:11434')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', 'not a url']) {
      expect(isSafeExternalUrl(url)).toBe(false)
    }
  })
})

describe('menu', () => {
  const actions = { openWorkspace: () => {}, openRecent: () => {}, openExternal: () => {} }
  const roles = (isDev: boolean) =>
    JSON.stringify(buildMenuTemplate({ isDev, isMac: false, recentWorkspaces: ['/w/a'], actions }))

  it('has File → Open Workspace…, recent workspaces and the Edit menu (copy/paste)', () => {
    const template = buildMenuTemplate({
      isDev: false,
      isMac: false,
      recentWorkspaces: ['/w/a'],
      actions,
    })
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ])
    expect(roles(false)).toContain('Open Workspace…')
    expect(roles(false)).toContain('a — /w/a')
  })

  it('offers reload and devtools only in development', () => {
    expect(roles(false)).not.toContain('"reload"')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('"reload"')
  })
})

describe('fitToDisplays', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 }
  it('keeps a position that is on a screen and drops one that is not', () => {
    expect(fitToDisplays({ x: 100, y: 100, width: 800, height: 600 }, [screen])).toEqual({
      x: 100,
      y: 100,
      width: 800,
      height: 600,
    })
    expect(fitToDisplays({ x: 5000, y: 100, width: 800, height: 600 }, [screen])).toEqual({
      width: 800,
      height: 600,
    })
  })
})
