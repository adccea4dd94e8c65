// Renderer entry: pick the AppApi for this transport, then render the shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createPlatformAppApi, setAppApi } from './platform/current-api'
import { AppShell } from './shell/AppShell'
import './styles/app.css'

setAppApi(createPlatformAppApi(window))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
)
