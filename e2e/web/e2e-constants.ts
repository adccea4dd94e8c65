// Values the e2e web server seeds and the specs expect.
export const E2E_TOKEN = 'e2e-token-mindx-studio'
export const E2E_DEFAULT_MODEL = 'llama-3.3-70b-versatile'
export const E2E_OLLAMA_VERSION = '0.6.0-e2e'
export const NAV_ITEMS = ['Providers', 'Config', 'Cloud Run models', 'Playground', 'Local models']
