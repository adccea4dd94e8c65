// Turns anything thrown by a handler into the contract's `{code, message}`: no stack, no key.
import { ZodError, z } from 'zod'
import type { AppErrorCode, AppErrorData } from '../../shared/contract'
import { isAppErrorCode } from '../../shared/contract'
import { LlmError } from '../../shared/llm'
import { redactSecrets } from '../../shared/redaction'
import { fileSystemErrorOf } from '../services/config/file-system-error'
import { ConfigFileError } from '../services/config/types'
import { PathOutsideWorkspaceError } from '../services/config/workspace-paths'
import { WorkspaceAccessError } from '../workspace/workspace-access'

/** What handlers throw for failures the contract names (`not_found`, `config_invalid`, …). */
export class AppError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

/** Kept here for the handlers that import it with AppError; the one definition is in src/shared. */
export { redactSecrets }

function describeZodError(error: ZodError): string {
  return `Invalid input: ${z.prettifyError(error).replace(/\s*\n\s*/g, '; ')}`
}

export interface ToAppErrorOptions {
  /** The codes this call may return; anything else becomes `internal`. */
  allowed: readonly AppErrorCode[]
  /** Where unexpected errors (with their stacks) are written; never the client. */
  log?: (message: string, error: unknown) => void
  /** Names the failing call in logs. */
  context?: string
}

function classify(error: unknown): AppErrorData | null {
  if (error instanceof ZodError) return { code: 'invalid_input', message: describeZodError(error) }
  if (error instanceof LlmError) return { code: error.code, message: error.message }
  if (error instanceof ConfigFileError) return { code: 'config_invalid', message: error.message }
  if (error instanceof AppError) return { code: error.code, message: error.message }
  if (error instanceof WorkspaceAccessError) return { code: error.code, message: error.message }
  if (error instanceof PathOutsideWorkspaceError) {
    return { code: 'path_outside_workspace', message: error.message }
  }
  // Any save (config, keys, catalog, conversations, hosts) the disk refuses: read-only, full…
  const fileSystem = fileSystemErrorOf(error)
  if (fileSystem) return { code: fileSystem.code, message: fileSystem.message }
  return null
}

export function toAppErrorData(error: unknown, options: ToAppErrorOptions): AppErrorData {
  const known = classify(error)
  if (known && isAppErrorCode(known.code) && options.allowed.includes(known.code)) {
    return { code: known.code, message: redactSecrets(known.message) }
  }
  options.log?.(`${options.context ?? 'call'} failed unexpectedly`, error)
  const what = options.context ? ` in ${options.context}` : ''
  return {
    code: 'internal',
    message: `Something went wrong${what}. The details are in the app's log; please report it if it keeps happening.`,
  }
}
