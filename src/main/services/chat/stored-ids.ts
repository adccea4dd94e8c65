// The ids of the `<id>.json` files in a store folder (conversations, presets); a missing folder has none.
import { readdir } from 'node:fs/promises'
import { chatIdSchema } from '../../../shared/chat'

/** Ids of the well-named `.json` files in `dir`; other files are ignored, not fatal. */
export async function storedIds(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => chatIdSchema.safeParse(id).success)
}
