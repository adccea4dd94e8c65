// Google identity tokens for the CLI: gcloud's token source, loaded only when an endpoint asks for one.
import type { GcloudIdentityTokenSource } from '../main/services/deploy/gcloud-identity-tokens'
import type { IdentityTokenSource } from '../main/services/providers/identity-token'

/** An IdentityTokenSource that imports the gcloud runner on its first token (most runs need none). */
export function lazyIdentityTokens(env: Record<string, string | undefined>): IdentityTokenSource {
  let source: Promise<GcloudIdentityTokenSource> | undefined
  const load = () =>
    (source ??= Promise.all([
      import('../main/services/deploy/gcloud-cli'),
      import('../main/services/deploy/gcloud-identity-tokens'),
    ]).then(
      ([{ GcloudCli }, tokens]) =>
        new tokens.GcloudIdentityTokenSource({ gcloud: new GcloudCli(env) }),
    ))
  return {
    token: async (audience, signal) => (await load()).token(audience, signal),
    describeDenied: async (audience, status) => (await load()).describeDenied(audience, status),
  }
}
