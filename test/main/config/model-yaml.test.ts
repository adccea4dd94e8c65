// mindX's models/*.yaml in global config: merged under llm.<file stem> over data/config/*.json, broken files skipped with a warning.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGlobalConfig } from '../../../src/main/services/config'
import { makeWorkspace } from '../../helpers/workspace'

describe('models/*.yaml', () => {
  it('deep-merges each file under llm.<stem>, after data/config/*.json, naming the file', async () => {
    const root = makeWorkspace({
      'data/config/llm_factory_config.json': {
        llm: { vllm: { base_url: 'http://json:8000', timeout: 300 } },
      },
      'models/vllm.yaml':
        'provider: vllm\nbase_url: http://yaml:8000 # wins\nmodels:\n  - name: a\n',
    })
    const global = await loadGlobalConfig({ root, env: {} })
    expect(global.get('llm.vllm.base_url')).toEqual({
      value: 'http://yaml:8000',
      key: 'llm.vllm.base_url',
      origin: join(root, 'models/vllm.yaml'),
    })
    // Deep merge: what only the json sets survives.
    expect(global.get('llm.vllm.timeout')?.value).toBe(300)
    expect(global.get('llm.vllm.models')?.value).toEqual([{ name: 'a' }])
    expect(global.files).toContain(join(root, 'models/vllm.yaml'))
  })

  it('skips a broken or non-mapping file with a line:col warning, as mindX skips it', async () => {
    const root = makeWorkspace({
      'models/broken.yaml': 'provider: x\nmodels: [a, b\n',
      'models/list.yaml': '- a\n- b\n',
      'models/ok.yaml': 'default_model: m\n',
    })
    const global = await loadGlobalConfig({ root, env: {} })
    expect(global.get('llm.ok.default_model')?.value).toBe('m')
    expect(global.get('llm.broken')).toBeUndefined()
    expect(global.warnings).toEqual([
      expect.objectContaining({
        file: join(root, 'models/broken.yaml'),
        line: 3,
        message: expect.stringMatching(/mindX skips this file/),
      }),
      expect.objectContaining({ file: join(root, 'models/list.yaml'), line: 1, column: 1 }),
    ])
  })
})
