// Renderer entry: pick the AppApi for this transport, then render the shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { createPlatformAppApi, setAppApi } from './platform/current-api'
import { AppShell } from './shell/AppShell'
import './styles/screen-styles'
import './styles/app.css'

// The CSP forbids eval; zod would otherwise probe `new Function` and log a CSP violation.
z.config({ jitless: true })
setAppApi(createPlatformAppApi(window))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
)
