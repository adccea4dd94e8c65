// Specification of the task_scores write-back on both of mindX's models/*.yaml shapes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  proposeTaskScores,
  TaskScoresConflictError,
  writeTaskScores,
} from '../../../src/main/services/bench'
import { makeWorkspace } from '../../helpers/workspace'

// The shapes of mindX's own files: ollama.yaml (a models: list) and mistral.yaml (keyed map).
const OLLAMA_YAML = `# Ollama Model Configuration
provider: ollama
enabled: true
keep_alive: 10m  # Keep models loaded in memory

# Available models. task_scores align with ModelSelector TaskType.
models:
  - name: llama3:8b
    display_name: Llama 3 8B
    task_scores:
      reasoning: 0.75
      code_generation: 0.78
      speed_sensitive: 0.85
  - name: mistral-nemo:latest
    display_name: Mistral Nemo

# Health check
health_check:
  enabled: true
`

const MISTRAL_YAML = `mistral/mistral-large-latest:
  task_scores:
    reasoning: 0.95
    code_generation: 0.90
  api_name: mistral-large-2411

# Latest 2025 Models
mistral/codestral-2501:
  task_scores:
    reasoning: 0.90
    code_generation: 0.98
  api_name: codestral-2501
`

function workspaceWith(files: Record<string, string>) {
  const ws = makeWorkspace({})
  mkdirSync(join(ws, 'models'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, 'models', name), text)
  return ws
}

describe('task_scores write-back', () => {
  it('models: list shape — updates in place, adds missing scores and models, comments survive', async () => {
    const ws = workspaceWith({ 'ollama.yaml': OLLAMA_YAML })
    const [file] = await proposeTaskScores(ws, 'code_generation', [
      { provider: 'ollama', model: 'llama3:8b', score: 0.5 },
      { provider: 'ollama', model: 'mistral-nemo:latest', score: 0.25 },
      { provider: 'ollama', model: 'qwen3:1.7b', score: 1 },
    ])
    expect(file).toMatchObject({
      provider: 'ollama',
      shape: 'models-list',
      before: OLLAMA_YAML,
      changes: [
        { model: 'llama3:8b', previous: 0.78, next: 0.5 },
        { model: 'mistral-nemo:latest', previous: null, next: 0.25 },
        { model: 'qwen3:1.7b', previous: null, next: 1 },
      ],
    })
    const after = file!.after
    for (const comment of [
      '# Ollama Model Configuration',
      '# Keep models loaded in memory',
      '# Health check',
    ]) {
      expect(after).toContain(comment)
    }
    expect(after).toContain('      code_generation: 0.50\n      speed_sensitive: 0.85')
    expect(after).toContain(
      '  - name: mistral-nemo:latest\n    display_name: Mistral Nemo\n    task_scores:\n      code_generation: 0.25',
    )
    expect(after).toContain('  - name: qwen3:1.7b\n    task_scores:\n      code_generation: 1')
    // Nothing is written until confirmed.
    expect(readFileSync(join(ws, 'models', 'ollama.yaml'), 'utf8')).toBe(OLLAMA_YAML)
  })

  it('keyed map shape — an existing score is replaced byte-exactly, a new model is added', async () => {
    const ws = workspaceWith({ 'mistral.yaml': MISTRAL_YAML })
    const [update] = await proposeTaskScores(ws, 'reasoning', [
      { provider: 'mistral', model: 'codestral-2501', score: 0.666 },
    ])
    expect(update!.shape).toBe('keyed-map')
    expect(update!.after).toBe(MISTRAL_YAML.replace('reasoning: 0.90', 'reasoning: 0.67'))
    const [added] = await proposeTaskScores(ws, 'reasoning', [
      { provider: 'mistral', model: 'ministral-3b-latest', score: 0.4 },
    ])
    expect(added!.after).toContain('# Latest 2025 Models')
    expect(added!.after).toContain(
      'mistral/ministral-3b-latest:\n  task_scores:\n    reasoning: 0.4',
    )
  })

  it('writes atomically on confirmation with a .bak, creates a missing file, refuses a changed one', async () => {
    const ws = workspaceWith({ 'mistral.yaml': MISTRAL_YAML })
    const files = await proposeTaskScores(ws, 'writing', [
      { provider: 'mistral', model: 'codestral-2501', score: 0.8 },
      { provider: 'groq', model: 'llama-3.1-8b-instant', score: 0.9 },
    ])
    expect(files.map((f) => f.shape)).toEqual(['keyed-map', 'new-file'])
    await writeTaskScores(files)
    const mistral = join(ws, 'models', 'mistral.yaml')
    expect(readFileSync(`${mistral}.bak`, 'utf8')).toBe(MISTRAL_YAML)
    expect(readFileSync(mistral, 'utf8')).toContain('    writing: 0.8')
    expect(readFileSync(join(ws, 'models', 'groq.yaml'), 'utf8')).toBe(
      'groq/llama-3.1-8b-instant:\n  task_scores:\n    writing: 0.9\n',
    )
    const stale = await proposeTaskScores(ws, 'writing', [
      { provider: 'mistral', model: 'codestral-2501', score: 0.1 },
    ])
    writeFileSync(mistral, MISTRAL_YAML + '# edited meanwhile\n')
    await expect(writeTaskScores(stale)).rejects.toBeInstanceOf(TaskScoresConflictError)
    expect(readFileSync(mistral, 'utf8')).toContain('# edited meanwhile')
  })
})
