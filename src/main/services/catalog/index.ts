// Cloud Run friendly catalog: built-in defaults merged with llm_factory_config.json.
export { DEFAULT_CLOUD_RUN_MODELS } from './defaults'
export { mergeCatalog, pickDefaultModel } from './merge-catalog'
