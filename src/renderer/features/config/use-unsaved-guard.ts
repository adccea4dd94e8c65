// While there are unsaved edits: switching screens asks first, closing the window or tab asks too.
import { useEffect, useState } from 'react'
import type { ScreenId } from '../../shell/screens'
import { useNavigationStore } from '../../stores/navigation-store'

/** Returns the screen someone tried to leave for (null when nobody is waiting) and a way to answer. */
export function useUnsavedGuard(dirty: boolean): {
  pending: ScreenId | null
  stay: () => void
  leave: () => void
} {
  const [pending, setPending] = useState<ScreenId | null>(null)
  const setLeaveGuard = useNavigationStore((state) => state.setLeaveGuard)

  useEffect(() => {
    if (!dirty) return
    setLeaveGuard((next) => {
      setPending(next)
      return false
    })
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      setLeaveGuard(null)
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [dirty, setLeaveGuard])

  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      const next = pending
      setPending(null)
      setLeaveGuard(null)
      if (next) useNavigationStore.getState().go(next)
    },
  }
}
