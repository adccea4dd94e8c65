// Turns anything thrown by a handler into the contract's `{code, message}`: no stack, no key.
import { ZodError, z } from 'zod'
import type { AppErrorCode, AppErrorData } from '../../shared/contract'
import { isAppErrorCode } from '../../shared/contract'
import { LlmError } from '../../shared/llm'
import { ConfigFileError } from '../services/config/types'

/** What handlers throw for failures the contract names (`not_found`, `config_invalid`, …). */
export class AppError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

const SECRET_PATTERNS: [RegExp, string][] = [
  // Gemini puts the key in the query string; any `key=`/`api_key=`/`token=` value goes.
  [/([?&](?:key|api_key|apikey|token|access_token)=)[^&\s#"']+/gi, '$1…'],
  [/(Bearer\s+)[^\s"']+/gi, '$1…'],
  // Provider key shapes: Groq gsk_, OpenAI-style sk-, Google AIza.
  [/\b(gsk_|sk-|AIza)[A-Za-z0-9_-]{6,}/g, '$1…'],
]

/** Removes anything that looks like a key or token from text that may leave the main process. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  )
}

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
