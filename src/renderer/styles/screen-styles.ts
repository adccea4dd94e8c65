// Every screen's stylesheet, loaded with the page in the order the single bundle had them: lazy
// screens then cannot reorder the cascade, and app.css (imported after this) still wins equal ties.
import '../components/controls.css'
import '../components/panels.css'
import '../features/local-models/model-tables.css'
import '../features/bench/bench.css'
import '../features/cloud-run-models/cloud-run.css'
import '../features/config/config.css'
import '../features/local-models/local-models.css'
import '../features/playground/markdown.css'
import '../features/playground/playground.css'
import '../features/playground/conversation.css'
import '../features/providers/health/provider-health.css'
import '../features/providers/providers.css'
