import { automationOperations } from '../routes/automation-operations.js'
import { brevoOperations } from '../routes/brevo-operations.js'
import { changeOperations } from '../routes/change-operations.js'
import { healthOperations } from '../routes/health-operations.js'
import { openApiOperations } from '../routes/openapi-operations.js'
import { privacyOperations } from '../routes/privacy-operations.js'
import { readOperations } from '../routes/read-operations.js'
import { receiptsOperations } from '../routes/receipts-operations.js'
import { segmentDefinitionOperations } from '../routes/segment-definition-operations.js'
import { segmentOperations } from '../routes/segment-operations.js'
import { trackerScriptOperations } from '../routes/tracker-script-operations.js'
import type { ApiOperation } from './api-operation.js'

/**
 * Every route the collector serves, as documented in `GET /openapi.json` and docs/api.md.
 * A new route module lists its operations in its own `*-operations.ts` file and adds it
 * here; the conformance test fails for any route the app serves that is missing.
 */
export const collectorOperations: readonly ApiOperation[] = [
  ...segmentOperations,
  ...receiptsOperations,
  ...brevoOperations,
  ...readOperations,
  ...privacyOperations,
  ...segmentDefinitionOperations,
  ...changeOperations,
  ...automationOperations,
  ...healthOperations,
  ...trackerScriptOperations,
  ...openApiOperations,
]
