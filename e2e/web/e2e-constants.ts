// Values the e2e web server seeds and the specs expect.
export const E2E_TOKEN = 'e2e-token-mindx-studio'
export const E2E_DEFAULT_MODEL = 'llama-3.3-70b-versatile'
export const E2E_OLLAMA_VERSION = '0.6.0-e2e'
/** A second workspace beside the first (same scratch folder, which serve allows) and its default. */
export const E2E_SECOND_WORKSPACE = 'second-workspace'
export const E2E_SECOND_WORKSPACE_MODEL = 'gemini-2.5-flash'
export const NAV_ITEMS = [
  'Providers',
  'Config',
  'Cloud Run models',
  'Playground',
  'Local models',
  'Bench',
]

/** Specs reach the fake control (e2e/web/fake-control.ts) on the serve port plus this. */
export const E2E_CONTROL_PORT_OFFSET = 1
/** The extra Ollama the Local models specs pull from, delete on and stop (never the default one). */
export const E2E_LAB_OLLAMA = 'ollama-lab'
/** …on the serve port plus this, so its URL (and the screenshots showing it) stays the same. */
export const E2E_LAB_PORT_OFFSET = 2
export const E2E_LONG_MODEL_NAME = 'hf.co/bartowski/Qwen2.5-Coder-14B-Instruct-GGUF:Q4_K_M'
export const E2E_LAB_OLLAMA_OPTIONS = {
  models: ['phi3:mini', 'llama3.2:1b', 'mistral:7b', 'gemma3:4b'],
  running: ['phi3:mini', 'llama3.2:1b'],
  registry: [
    'qwen2.5:0.5b',
    'gemma3:1b',
    'deepseek-r1:7b',
    'qwen2.5-coder:1.5b',
    // A long name, as Hugging Face pulls have: the narrow-window spec checks tables still fit.
    E2E_LONG_MODEL_NAME,
  ],
  pullSteps: 10,
  version: '0.6.0-lab',
}

/** The fake Cloud Run service (an Ollama behind IAM) the fake gcloud deploys to: serve port plus this. */
export const E2E_CLOUD_RUN_PORT_OFFSET = 5
/** The fake gcloud's folder (config.json, calls.jsonl), next to the e2e workspace. */
export const E2E_FAKE_GCLOUD_DIR_NAME = 'fake-gcloud'
