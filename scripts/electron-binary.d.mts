// Types for electron-binary.mjs (imported by the Electron e2e suite).
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string }

export function findElectronBinary(options?: {
  packageDir?: string
  env?: Record<string, string | undefined>
}): ElectronBinary
