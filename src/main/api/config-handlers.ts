// config:* — the factory json as text (read, validate, save, form edits), its watcher, read-only sources.
import type { ConfigDocument } from '../../shared/studio-config'
import type { ApiHandlers } from './dispatch'
import { AppError } from './app-error'
import type { AppEventBus } from './event-bus'
import type { StudioContext } from './studio-context'
import {
  ConfigFileError,
  editFactoryConfig,
  parseFactoryConfigText,
  saveFactoryConfigText,
} from '../services/config'
import { listConfigSources } from '../services/config/config-sources'
import type { ConfigFileWatcher } from '../services/config/config-watcher'
import { watchConfigFile } from '../services/config/config-watcher'
import { readConfigFile } from '../services/config/read-config-file'
import { maskJsonSecrets, restoreMaskedSecrets } from '../services/config/secret-masking'

export type ConfigHandlers = Pick<
  ApiHandlers,
  | 'config:read'
  | 'config:validate'
  | 'config:save'
  | 'config:applyEdit'
  | 'config:sources'
  | 'config:openInEditor'
>

export interface ConfigHandlerDeps {
  context: StudioContext
  events?: AppEventBus
  openPath?: (path: string) => Promise<string>
}

function documentOf(path: string, text: string | undefined): ConfigDocument {
  return { path, exists: text !== undefined, text: maskJsonSecrets(text ?? '') }
}

/** The message without the `file:line:col: ` prefix ConfigFileError puts in front. */
function issueMessage(error: ConfigFileError): string {
  const prefix = `${error.file}:${error.line}:${error.column}: `
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
}

export function createConfigHandlers(deps: ConfigHandlerDeps): ConfigHandlers & {
  /** Starts (or moves) the watcher to the current workspace's factory json. */
  watch: () => Promise<void>
} {
  const { context } = deps
  let watcher: ConfigFileWatcher | undefined

  const watch = async () => {
    const { services, factoryPath } = await context.readGlobal()
    if (watcher?.path === factoryPath) return
    watcher?.close()
    watcher = watchConfigFile(factoryPath, (text) => {
      // Another editor (or git pull) changed the file: every screen must see the new values.
      services.factory.clearHandlerCache()
      deps.events?.emit('config:changed', documentOf(factoryPath, text === '' ? undefined : text))
    })
  }

  return {
    watch,
    'config:read': async () => {
      const { factoryPath } = await context.readGlobal()
      await watch()
      return documentOf(factoryPath, await readConfigFile(factoryPath))
    },
    'config:validate': async ({ text }) => {
      const { factoryPath } = await context.readGlobal()
      try {
        parseFactoryConfigText(text, factoryPath)
        return { ok: true }
      } catch (error) {
        if (!(error instanceof ConfigFileError)) throw error
        const { file, line, column } = error
        return { ok: false, issue: { file, line, column, message: issueMessage(error) } }
      }
    },
    'config:save': ({ text }) =>
      context.write(async () => {
        const { factoryPath } = await context.readGlobal()
        const onDisk = (await readConfigFile(factoryPath)) ?? ''
        // The editor only ever saw masked keys; untouched masks get their real values back.
        const saved = await saveFactoryConfigText(factoryPath, restoreMaskedSecrets(text, onDisk))
        return documentOf(saved.path, saved.text)
      }),
    'config:applyEdit': async ({ text, path, value }) => {
      const { factoryPath } = await context.readGlobal()
      try {
        return { text: editFactoryConfig(text, path, value, { file: factoryPath }) }
      } catch (error) {
        if (error instanceof ConfigFileError) throw error
        // jsonc-parser refuses paths that do not fit the document ([0] on an object, [] to remove).
        const reason = error instanceof Error ? error.message : String(error)
        throw new AppError('invalid_input', `Path ${JSON.stringify(path)} does not fit: ${reason}.`)
      }
    },
    'config:sources': async () => {
      const { services, global, factoryPath, factoryIssue } = await context.readGlobal()
      return listConfigSources({
        root: services.workspace,
        factoryConfigPath: factoryPath,
        warnings: global?.warnings ?? (factoryIssue ? [factoryIssue] : []),
      })
    },
    'config:openInEditor': async ({ path }) => {
      const { services, factoryPath } = await context.readGlobal()
      const sources = await listConfigSources({
        root: services.workspace,
        factoryConfigPath: factoryPath,
        warnings: [],
      })
      // Only the workspace's own config files: the renderer never gets to open arbitrary paths.
      const allowed = [factoryPath, ...sources.filter((s) => s.exists).map((s) => s.path)]
      if (!allowed.includes(path)) {
        throw new AppError('not_found', `${path} is not one of this workspace's config files.`)
      }
      if (!deps.openPath) return { opened: false, path }
      const problem = await deps.openPath(path)
      if (problem !== '') throw new AppError('not_found', `Could not open ${path}: ${problem}`)
      return { opened: true, path }
    },
  }
}
