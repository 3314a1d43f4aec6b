#!/usr/bin/env node
// The `sillage-collector` command. npm links a package's bins when it installs it, before
// any build: a bin pointing straight at dist/cli.js would be missing on a fresh clone, and
// `npx sillage-collector` would then fetch whatever the public registry holds under that
// name. This committed file is always there to link, and runs the built CLI.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)

if (!existsSync(cli)) {
  console.error(
    `sillage-collector: the collector is not built yet (${fileURLToPath(cli)} is missing).\n` +
      'Build it from the repository root with `npm run build`, then run this command again.',
  )
  process.exit(2)
}
await import(cli.href)
