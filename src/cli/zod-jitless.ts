// Imported first by the CLI process, before any schema exists: zod then compiles no `new Function` parsers.
import { z } from 'zod'

// A CLI run parses each schema once or twice: compiling a fast path (eval'd code, which V8's code
// cache cannot keep) costs more than it saves. Schemas read the setting when they are built.
z.config({ jitless: true })
