// What the provider and OllamaAdmin specs share: request builders, stream readers, error capture, request inspection.
import { expect, it } from 'vitest'
import { LlmError } from '../../src/shared/llm'
import type {
  ProviderChunk,
  ProviderClient,
  ProviderClientFactory,
  ProviderRequest,
  ProviderSettings,
} from '../../src/main/services/providers/types'

/** Builds `connect(overrides)` for a provider; `defaults` is read per call (a fake's URL exists only once it runs). */
export function connector(create: ProviderClientFactory, defaults: () => ProviderSettings) {
  return (overrides: Partial<ProviderSettings> = {}) => create({ ...defaults(), ...overrides })
}

/** Builds `request(overrides)`: one user turn to `model`, with a signal nobody aborts. */
export function requestBuilder(model: string, prompt: string) {
  return (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
    model,
    messages: [{ role: 'user', content: prompt }],
    signal: new AbortController().signal,
    ...overrides,
  })
}

/** Reads a stream to its end or its first error, keeping what arrived before. */
export async function drain(stream: AsyncIterable<ProviderChunk>) {
  const chunks: ProviderChunk[] = []
  try {
    for await (const chunk of stream) chunks.push(chunk)
    return { chunks, error: undefined }
  } catch (error) {
    return { chunks, error }
  }
}

/** Reads a stream to its end; rejects with the stream's error. */
export async function collect(stream: AsyncIterable<ProviderChunk>): Promise<ProviderChunk[]> {
  const chunks: ProviderChunk[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return chunks
}

/** Reads one chunk, then stops reading (as a consumer that `break`s out of its loop). */
export async function firstChunk(
  stream: AsyncIterable<ProviderChunk>,
): Promise<ProviderChunk | undefined> {
  for await (const chunk of stream) return chunk
  return undefined
}

/** The LlmError a call rejected with; fails the test when it resolved or threw anything else. */
export async function llmErrorOf(work: Promise<unknown> | (() => Promise<unknown>)) {
  const error = await (typeof work === 'function' ? work() : work).then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(LlmError)
  return error as LlmError
}

/** Streams with a signal that is aborted as soon as each chunk arrives; what arrived and how it ended. */
export async function abortOnFirstChunk(
  stream: (signal: AbortSignal) => AsyncIterable<ProviderChunk>,
) {
  const controller = new AbortController()
  const received: ProviderChunk[] = []
  const error = await llmErrorOf(async () => {
    for await (const chunk of stream(controller.signal)) {
      received.push(chunk)
      controller.abort()
    }
  })
  return { received, error }
}

/** The body of the last of `requests` (the fakes' request logs), as an object to assert on. */
export function lastBody(requests: readonly { body: unknown }[]): Record<string, unknown> {
  return requests.at(-1)?.body as Record<string, unknown>
}

/** Waits until a recorded exchange is over, then tells whether the client hung up before its end. */
export async function clientClosedEarly(
  recorded: { settled: Promise<void>; closedEarly: boolean } | undefined,
): Promise<boolean | undefined> {
  await recorded?.settled
  return recorded?.closedEarly
}

/** What the shared stream-ending specs need of a provider's spec (read when each test runs). */
export interface StreamEndingSubject {
  fake: () => {
    stallMidStream(afterChunks: number): void
    requests: readonly { settled: Promise<void>; closedEarly: boolean }[]
  }
  connect: () => Promise<ProviderClient>
  request: (overrides?: Partial<ProviderRequest>) => ProviderRequest
  /** Chunks the fake streams up to and including the first word of its answer ("hello "). */
  firstWordChunks: number
}

/**
 * The two ways a reader ends a stream early, alike for every provider: Stop (its signal aborts) after
 * the first word, and a reader that stops reading after it. Either way the HTTP connection closes.
 */
export function itClosesStreamsEndedEarly(subject: StreamEndingSubject): void {
  it('stops on abort mid-stream with code aborted and closes the connection', async () => {
    const fake = subject.fake()
    fake.stallMidStream(subject.firstWordChunks)
    const client = await subject.connect()

    const { received, error } = await abortOnFirstChunk((signal) =>
      client.stream(subject.request({ signal })),
    )

    expect(received).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error.code).toBe('aborted')
    expect(await clientClosedEarly(fake.requests[0])).toBe(true)
  })

  it('closes the connection when the consumer stops reading early', async () => {
    const fake = subject.fake()
    fake.stallMidStream(subject.firstWordChunks)
    const client = await subject.connect()
    const first = await firstChunk(client.stream(subject.request()))

    expect(first).toEqual({ type: 'delta', text: 'hello ' })
    expect(await clientClosedEarly(fake.requests[0])).toBe(true)
  })
}

/** A provider that requires a key, configured without one, refuses to start and sends nothing. */
export function itRefusesWithoutAKey(subject: {
  fake: () => { requests: readonly unknown[] }
  connect: (overrides: Partial<ProviderSettings>) => Promise<ProviderClient>
}): void {
  it('rejects with auth before any request when no key is configured', async () => {
    const error = await llmErrorOf(subject.connect({ apiKey: undefined }))

    expect(error.code).toBe('auth')
    expect(subject.fake().requests).toHaveLength(0)
  })
}

/** A fetch that goes to the network as usual and records each URL it was called with. */
export function recordingFetch() {
  const calls: string[] = []
  /** Each request's redirect mode, as the provider's fetch sent it. */
  const modes: (RequestRedirect | undefined)[] = []
  const fetchAndRecord: typeof fetch = (input, init) => {
    calls.push(String(input instanceof Request ? input.url : input))
    modes.push(init?.redirect)
    return fetch(input, init)
  }
  return { fetch: fetchAndRecord, calls, modes }
}
