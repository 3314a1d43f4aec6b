import { segmentClassic } from './server-libraries/libraries.js'
import { describeServerLibrary } from './server-libraries/segment-style-library.test-suite.js'

describeServerLibrary('analytics-node (Segment classic, v6)', segmentClassic)
