export { consoleApp } from './console-app.js'
export type { ConsoleAppOptions } from './console-app.js'
