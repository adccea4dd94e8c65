// What model-written Markdown may do: links to http(s)/mailto only, raw HTML shown as text, no fetches.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** react-markdown's urlTransform: http(s)/mailto pass, anything else (javascript:, data:, file:, relative) becomes ''. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim())
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : ''
  } catch {
    return ''
  }
}

/** Links that open in the system browser: http(s) only (mailto stays a plain link). */
export function isExternalHttpUrl(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url)
}

interface MdNode {
  type: string
  value?: string
  children?: MdNode[]
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

function htmlToText(node: MdNode): void {
  if (!node.children) return
  node.children = node.children.map((child) => {
    if (child.type !== 'html') {
      htmlToText(child)
      return child
    }
    const text: MdNode = { type: 'text', value: child.value ?? '' }
    // A block of HTML becomes a paragraph of its source text, so the page still flows.
    return FLOW_PARENTS.has(node.type) ? { type: 'paragraph', children: [text] } : text
  })
}

/**
 * A remark plugin: raw HTML from the model is shown as the literal text it is (visible, inert) rather
 * than parsed, or silently dropped. There is no rehype-raw anywhere, so no HTML is ever interpreted.
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => htmlToText(tree)
}
