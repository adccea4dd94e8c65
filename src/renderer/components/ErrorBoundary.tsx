// Keeps a failing part of the page from blanking the app: says what failed, the rest keeps working.
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

export interface ErrorBoundaryProps {
  /** What this boundary holds, for the notice: "The Playground screen", "This answer". */
  what: string
  children: ReactNode
  /** Shown instead of the default notice; `retry` renders the children again. */
  fallback?: (error: Error, retry: () => void) => ReactNode
  /** When this changes after a failure, the children are tried again (e.g. the open screen's id). */
  resetKey?: unknown
  onError?: (error: Error, info: ErrorInfo) => void
}

interface ErrorBoundaryState {
  error: Error | null
  resetKey: unknown
}

export function describeRenderError(error: Error): string {
  return error.message ? `${error.name}: ${error.message}` : error.name
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null
    return { error: null, resetKey: props.resetKey }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info)
  }

  private readonly retry = () => this.setState({ error: null })

  override render(): ReactNode {
    const { error } = this.state
    if (error === null) return this.props.children
    if (this.props.fallback) return this.props.fallback(error, this.retry)
    return (
      <div className="notice notice-error error-boundary" role="alert">
        <p>
          {this.props.what} could not be shown ({describeRenderError(error)}). The rest of the app
          still works.
        </p>
        <p>
          <button type="button" className="button button-small" onClick={this.retry}>
            Try again
          </button>
        </p>
      </div>
    )
  }
}
