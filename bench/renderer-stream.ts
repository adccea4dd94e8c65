// `npm run bench` (renderer part): streams a 50k-token Mock answer through the real Playground in
// Chromium (serve mode) and reports long tasks against the same answer opened at once, and the idle page.
import type { Page } from '@playwright/test'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { line, measure, pollUntil, withServedPage } from './browser-measure'

const TOKENS = Number(process.env.BENCH_STREAM_TOKENS ?? 50_000)
/** The Mock sends 8 characters (2 tokens) per chunk; 1 ms apart is a fast provider's pace. */
const CHUNK_DELAY_MS = Number(process.env.BENCH_STREAM_CHUNK_DELAY_MS ?? 1)
const TOKEN = 'bench-renderer-token'
const LAST_LINE = 'End of the benchmark answer.'

/** Markdown a model might write: paragraphs, lists and code; the Mock counts ~4 characters a token. */
function longMarkdown(tokens: number): string {
  const parts: string[] = []
  let chars = 0
  for (let i = 1; chars < tokens * 4; i++) {
    const part =
      i % 5 === 0
        ? `\`\`\`ts\nexport function step${i}(input: number[]): number {\n  return input.reduce((sum, x) => sum + x * ${i}, 0)\n}\n\`\`\``
        : i % 7 === 0
          ? `- item **${i}.1** with \`code\`\n- item ${i}.2 and a [link](https://example.com/${i})\n- item ${i}.3`
          : `Paragraph ${i}: the factory resolves the provider, the model and the key through its layers, and every value keeps its provenance so the screen can say where it came from.`
    parts.push(part)
    chars += part.length + 2
  }
  return `${parts.join('\n\n')}\n\n${LAST_LINE}`
}

/**
 * Resolves when the last answer is complete on screen (metrics shown, every block rendered). Polls a
 * cheap selector at 250 ms: Playwright's text locators walk the whole DOM and would show up as long tasks.
 */
async function answerRendered(page: Page): Promise<void> {
  const done = `(() => {
    const answers = document.querySelectorAll('article[aria-label="Answer"]')
    const last = answers[answers.length - 1]
    return !!last && last.getAttribute('aria-busy') === 'false' &&
      !!last.querySelector('[aria-label="Answer metrics"]') &&
      !last.querySelector('.markdown[aria-busy="true"]')
  })()`
  await pollUntil(page, done, 120_000, 'the answer did not finish rendering')
}

async function main(): Promise<void> {
  const workspace = await mkdtemp(join(tmpdir(), 'mindx-bench-'))
  await writeFile(
    join(workspace, 'mindx_config.json'),
    JSON.stringify({ llm: { mock: { chunk_delay_ms: CHUNK_DELAY_MS } } }),
  )
  await withServedPage('renderer stream', workspace, TOKEN, async (page) => {
    await page.getByRole('button', { name: 'Playground', exact: true }).click()
    await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('mock')
    await page
      .getByRole('combobox', { name: 'Model', exact: true })
      .and(page.locator(':not([disabled])'))
      .waitFor()
    // The model field is free text with the provider's models as suggestions.
    await page.getByRole('combobox', { name: 'Model', exact: true }).fill('mock-model')
    const prompt = longMarkdown(TOKENS)
    // fill() inserts text like typing, which takes minutes for 200 kB; set it as a paste would.
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).evaluate((box, text) => {
      // React tracks .value; the prototype's setter is what makes it see an input event's change.
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element below
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set
      setValue?.call(box, text)
      box.dispatchEvent(new Event('input', { bubbles: true }))
    }, prompt)
    const answer = page.getByRole('article', { name: 'Answer' }).last()

    const idle = await measure(page, () => page.waitForTimeout(2000))
    const streamed = await measure(page, async () => {
      await page.getByRole('button', { name: 'Send' }).click()
      await answerRendered(page)
    })
    const completion = await answer.getByLabel('Answer metrics').textContent()
    // The same conversation opened from the saved list: the whole answer arrives at once.
    await page.getByRole('button', { name: 'New conversation' }).click()
    const saved = page.locator('.conversation-open').first()
    const oneShot = await measure(page, async () => {
      await saved.click()
      await answerRendered(page)
    })

    console.log(
      `renderer stream (${TOKENS} tokens from the Mock, ${prompt.length} characters, chunks ${CHUNK_DELAY_MS} ms apart; ${completion?.match(/Completion:?\s*(\d+) tokens/)?.[1] ?? 'unreported'} completion tokens)`,
    )
    console.log(`  ${line('streaming', streamed)}`)
    console.log(`  ${line('baseline: same answer opened at once from the saved list', oneShot)}`)
    console.log(`  ${line('baseline: idle page', idle)}`)
    const ratio = (a: number, b: number) =>
      b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a (0 in the baseline)'
    console.log(
      `  ratios streaming / opened at once: long-task total ${ratio(streamed.totalMs, oneShot.totalMs)}, max long task ${ratio(streamed.maxMs, oneShot.maxMs)}, longest frame gap ${ratio(streamed.maxFrameGapMs, oneShot.maxFrameGapMs)}`,
    )
    console.log(
      `  ratio streaming / idle: longest frame gap ${ratio(streamed.maxFrameGapMs, idle.maxFrameGapMs)}, long-task total ${ratio(streamed.totalMs, idle.totalMs)}`,
    )
  })
}

await main()
