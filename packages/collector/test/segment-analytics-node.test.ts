import { segmentAnalyticsNode } from './server-libraries/libraries.js'
import { describeServerLibrary } from './server-libraries/segment-style-library.test-suite.js'

describeServerLibrary('@segment/analytics-node', segmentAnalyticsNode)
