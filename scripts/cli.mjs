// `npm run cli`: runs src/cli from an esbuild bundle cached in .cache/cli (rebuilt when a source changed), with V8's code cache.
import { loadBundle } from './bundle-cache.mjs'

const { exports, saveCodeCache } = await loadBundle({
  name: 'cli',
  title: 'CLI',
  entry: 'src/cli/main.ts',
  launcher: 'scripts/cli.mjs',
})
await exports.main()
saveCodeCache()
