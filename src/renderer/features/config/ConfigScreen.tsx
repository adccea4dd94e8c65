// Config screen (placeholder until the config editor issue lands).
import { ScreenPlaceholder } from '../../components/ScreenPlaceholder'

export function ConfigScreen() {
  return (
    <ScreenPlaceholder title="Config">
      Not built yet: an editor for llm_factory_config.json with validation, and where every setting
      comes from.
    </ScreenPlaceholder>
  )
}
