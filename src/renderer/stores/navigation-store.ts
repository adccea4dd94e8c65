// Which screen the shell shows.
import { create } from 'zustand'
import type { ScreenId } from '../shell/screens'

interface NavigationState {
  screen: ScreenId
  go: (screen: ScreenId) => void
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: 'providers',
  go: (screen) => set({ screen }),
}))
