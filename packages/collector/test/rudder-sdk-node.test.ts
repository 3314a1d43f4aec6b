import { rudderSdkNode } from './server-libraries/libraries.js'
import { describeServerLibrary } from './server-libraries/segment-style-library.test-suite.js'

describeServerLibrary('@rudderstack/rudder-sdk-node', rudderSdkNode)
