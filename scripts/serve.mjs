// `npm run serve`: serve mode (src/main/serve/cli.ts) from an esbuild bundle cached in .cache/serve, like `npm run cli`.
import { loadBundle, root } from './bundle-cache.mjs'

const { exports, saveCodeCache } = await loadBundle({
  name: 'serve',
  title: 'serve',
  entry: 'src/main/serve/cli.ts',
  launcher: 'scripts/serve.mjs',
})
// The bundle lives in .cache/serve: the repo root (config/, out/renderer) is passed in.
await exports.main(root, { onListening: saveCodeCache })
