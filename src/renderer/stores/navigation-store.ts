// Which screen the shell shows.
import { create } from 'zustand'
import type { ScreenId } from '../shell/screens'

/** Asked before the screen changes; returning false stays (the screen asks, then calls go again). */
export type LeaveGuard = (next: ScreenId) => boolean

interface NavigationState {
  screen: ScreenId
  leaveGuard: LeaveGuard | null
  go: (screen: ScreenId) => void
  /** A screen with unsaved edits installs one; null removes it. */
  setLeaveGuard: (guard: LeaveGuard | null) => void
}

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  screen: 'providers',
  leaveGuard: null,
  go: (screen) => {
    const { leaveGuard, screen: current } = get()
    if (screen !== current && leaveGuard && !leaveGuard(screen)) return
    set({ screen })
  },
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
}))
