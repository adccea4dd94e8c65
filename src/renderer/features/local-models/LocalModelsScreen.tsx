// Local models screen (placeholder until the Ollama models issue lands).
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder'

export function LocalModelsScreen() {
  return (
    <ScreenPlaceholder title="Local models">
      Not built yet: list, pull, delete and unload the models on your Ollama server.
    </ScreenPlaceholder>
  )
}
