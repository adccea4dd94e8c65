// A problem in a config file, pointing at the spot; shared so every surface can show file:line:col.

export interface ConfigIssue {
  file: string
  /** 1-based */
  line: number
  /** 1-based */
  column: number
  message: string
}
