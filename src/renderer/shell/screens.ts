// The shell's screens, in sidebar order; Ctrl/Cmd+1…6 follow this order.
import type { ComponentType } from 'react'
import { BenchScreen } from '../features/bench/BenchScreen'
import { CloudRunModelsScreen } from '../features/cloud-run-models/CloudRunModelsScreen'
import { ConfigScreen } from '../features/config/ConfigScreen'
import { LocalModelsScreen } from '../features/local-models/LocalModelsScreen'
import { PlaygroundScreen } from '../features/playground/PlaygroundScreen'
import { ProvidersScreen } from '../features/providers/ProvidersScreen'
import {
  BenchIcon,
  CloudIcon,
  ConfigIcon,
  LocalModelsIcon,
  PlaygroundIcon,
  ProvidersIcon,
} from './icons'

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
  Screen: ComponentType
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'providers', label: 'Providers', Icon: ProvidersIcon, Screen: ProvidersScreen },
  { id: 'config', label: 'Config', Icon: ConfigIcon, Screen: ConfigScreen },
  {
    id: 'cloud-run-models',
    label: 'Cloud Run models',
    Icon: CloudIcon,
    Screen: CloudRunModelsScreen,
  },
  { id: 'playground', label: 'Playground', Icon: PlaygroundIcon, Screen: PlaygroundScreen },
  { id: 'local-models', label: 'Local models', Icon: LocalModelsIcon, Screen: LocalModelsScreen },
  { id: 'bench', label: 'Bench', Icon: BenchIcon, Screen: BenchScreen },
]
