// Which screen the shell shows.
import { create } from 'zustand'
import type { ScreenId } from '../shell/screens'
import { recall, remember } from './session-memory'

/** Asked before the screen changes; returning false stays (the screen asks, then calls go again). */
export type LeaveGuard = (next: ScreenId) => boolean

interface NavigationState {
  screen: ScreenId
  leaveGuard: LeaveGuard | null
  go: (screen: ScreenId) => void
  /** A screen with unsaved edits installs one; null removes it. */
  setLeaveGuard: (guard: LeaveGuard | null) => void
}

/** The screen a reload comes back to (the shell checks it names a screen that exists). */
function rememberedScreen(): ScreenId {
  const saved = recall('screen')
  return saved !== null && /^[a-z-]{1,40}$/.test(saved) ? (saved as ScreenId) : 'providers'
}

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  screen: rememberedScreen(),
  leaveGuard: null,
  go: (screen) => {
    const { leaveGuard, screen: current } = get()
    if (screen !== current && leaveGuard && !leaveGuard(screen)) return
    set({ screen })
    remember('screen', screen)
  },
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
}))
