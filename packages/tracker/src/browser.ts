// The script-tag entry (`sillage.js`): the one module that acts when loaded.
import { installSnippet } from './browser/install.js'

installSnippet()
