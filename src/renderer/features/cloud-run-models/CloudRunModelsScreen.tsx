// Cloud Run models screen (placeholder until the catalog issue lands).
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder'

export function CloudRunModelsScreen() {
  return (
    <ScreenPlaceholder title="Cloud Run models">
      Not built yet: the Cloud Run friendly Ollama models, their memory needs and the preference
      order.
    </ScreenPlaceholder>
  )
}
