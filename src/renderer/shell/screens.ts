// The shell's screens, in sidebar order; Ctrl/Cmd+1…6 follow this order.
import type { ComponentType } from 'react'
import {
  BenchIcon,
  CloudIcon,
  ConfigIcon,
  LocalModelsIcon,
  PlaygroundIcon,
  ProvidersIcon,
} from './icons'
import type { LazyScreen } from './lazy-screen'
import { lazyScreen } from './lazy-screen'

export const SCREEN_IDS = [
  'providers',
  'config',
  'cloud-run-models',
  'playground',
  'local-models',
  'bench',
] as const
export type ScreenId = (typeof SCREEN_IDS)[number]

export interface ScreenEntry {
  id: ScreenId
  /** The nav item's accessible name (stable: tests and assistive tech rely on it). */
  label: string
  Icon: ComponentType
  /** In its own chunk: the first screen's load pays only for the first screen. */
  Screen: LazyScreen
}

export const SCREENS: readonly ScreenEntry[] = [
  {
    id: 'providers',
    label: 'Providers',
    Icon: ProvidersIcon,
    Screen: lazyScreen(() =>
      import('../features/providers/ProvidersScreen').then((m) => m.ProvidersScreen),
    ),
  },
  {
    id: 'config',
    label: 'Config',
    Icon: ConfigIcon,
    Screen: lazyScreen(() => import('../features/config/ConfigScreen').then((m) => m.ConfigScreen)),
  },
  {
    id: 'cloud-run-models',
    label: 'Cloud Run models',
    Icon: CloudIcon,
    Screen: lazyScreen(() =>
      import('../features/cloud-run-models/CloudRunModelsScreen').then(
        (m) => m.CloudRunModelsScreen,
      ),
    ),
  },
  {
    id: 'playground',
    label: 'Playground',
    Icon: PlaygroundIcon,
    Screen: lazyScreen(() =>
      import('../features/playground/PlaygroundScreen').then((m) => m.PlaygroundScreen),
    ),
  },
  {
    id: 'local-models',
    label: 'Local models',
    Icon: LocalModelsIcon,
    Screen: lazyScreen(() =>
      import('../features/local-models/LocalModelsScreen').then((m) => m.LocalModelsScreen),
    ),
  },
  {
    id: 'bench',
    label: 'Bench',
    Icon: BenchIcon,
    Screen: lazyScreen(() => import('../features/bench/BenchScreen').then((m) => m.BenchScreen)),
  },
]

/** Fetches every screen's chunk (after the first screen is up), so switching screens never waits. */
export function preloadScreens(): Promise<void> {
  return Promise.all(SCREENS.map((entry) => entry.Screen.preload())).then(() => undefined)
}
