// Providers screen (placeholder until the providers issue lands).
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder'

export function ProvidersScreen() {
  return (
    <ScreenPlaceholder title="Providers">
      Not built yet: API keys, base URLs and a connection test for Ollama, Gemini and Groq will live
      here.
    </ScreenPlaceholder>
  )
}
