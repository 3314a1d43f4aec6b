import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { trackerScriptFile } from '../../tracker-script/tracker-script-file.js'

export const CONSOLE_ASSET_NAMES = ['console.js', 'console.css'] as const
export type ConsoleAssetName = (typeof CONSOLE_ASSET_NAMES)[number]

/**
 * Where `npm run build` writes the console's script and stylesheet. This file sits in
 * `packages/collector/{src,dist}/console/assets/`, so the same relative path works from
 * the sources (tests) and from the build.
 */
export const defaultConsoleAssetDir = () => fileURLToPath(new URL('../../../dist/console-assets/', import.meta.url))

/**
 * The console's built assets, read from disk and kept in memory until they change, with
 * one version string for both (the pages put it in the asset URLs, so a rebuild reaches
 * browsers at once while unchanged files stay cached).
 *
 * @example
 * const assets = consoleAssetFiles(defaultConsoleAssetDir())
 * await assets.load('console.js') // { body, etag } or null before a build
 */
export function consoleAssetFiles(dir: string) {
  const files = new Map(CONSOLE_ASSET_NAMES.map((name) => [name, trackerScriptFile(join(dir, name))]))
  const load = (name: ConsoleAssetName) => files.get(name)!.load()
  return {
    dir,
    load,
    async version(): Promise<string> {
      const loaded = await Promise.all(CONSOLE_ASSET_NAMES.map(load))
      return loaded.map((file) => file?.etag.slice(1, 9) ?? 'unbuilt').join('')
    },
  }
}

export type ConsoleAssetFiles = ReturnType<typeof consoleAssetFiles>
