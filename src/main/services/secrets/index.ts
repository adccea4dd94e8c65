// Secret storage for API keys entered in the app.
export { FileSecretStore } from './file-secret-store'
export { SECRET_REF_PREFIX, secretRef, secretRefName } from './types'
export type { SecretStore } from './types'
