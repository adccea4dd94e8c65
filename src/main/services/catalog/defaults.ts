// mindX's built-in Cloud Run friendly Ollama models (OLLAMA_CLOUD_RUN_MODELS_PY in llm_factory v4).
import type { CloudRunModelsConfig } from '../../../shared/config-schema'

export const DEFAULT_CLOUD_RUN_MODELS = {
  excellent_fit: [
    { id: 'phi3_py', ollama_name: 'phi3:mini', type: 'general/reasoning', est_memory_needed_gb: 4 },
    { id: 'gemma_2b_py', ollama_name: 'gemma:2b', type: 'general', est_memory_needed_gb: 3 },
    { id: 'codegemma_2b_py', ollama_name: 'codegemma:2b', type: 'coding', est_memory_needed_gb: 3 },
  ],
  good_fit: [
    { id: 'llama3_8b_py', ollama_name: 'llama3:8b', type: 'general/chat', est_memory_needed_gb: 8 },
    {
      id: 'mistral_7b_py',
      ollama_name: 'mistral:7b',
      type: 'general/chat',
      est_memory_needed_gb: 8,
    },
    {
      id: 'codegemma_7b_py',
      ollama_name: 'codegemma:7b-it',
      type: 'coding',
      est_memory_needed_gb: 8,
    },
  ],
  default_coding_preference_order: ['codegemma_7b_py', 'codegemma_2b_py', 'phi3_py'],
  default_general_preference_order: ['llama3_8b_py', 'mistral_7b_py', 'phi3_py', 'gemma_2b_py'],
} as const satisfies CloudRunModelsConfig
