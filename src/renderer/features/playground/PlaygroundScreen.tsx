// Playground screen (placeholder until the chat issue lands).
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder'

export function PlaygroundScreen() {
  return (
    <ScreenPlaceholder title="Playground">
      Not built yet: send a prompt to any provider and watch the response stream in.
    </ScreenPlaceholder>
  )
}
