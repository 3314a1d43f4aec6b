import { readFileSync } from 'node:fs'

/**
 * Where a V8 `.cpuprofile` spent its time: self time per function and per package
 * (node_modules package, workspace package, or node internals), as shares of the total.
 *
 * @example
 * const { byFunction, byPackage } = summariseCpuProfile('/tmp/prof/CPU.…cpuprofile')
 */
export function summariseCpuProfile(path, { top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(path, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map()
  const deltas = profile.timeDeltas
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0))
  }
  let total = 0
  const functions = new Map()
  const packages = new Map()
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)
    total += us
    const where = packageOf(callFrame.url, callFrame.functionName)
    const name = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`
    functions.set(name, (functions.get(name) ?? 0) + us)
    packages.set(where, (packages.get(where) ?? 0) + us)
  }
  const ranked = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, share: us / total, ms: us / 1000 }))
  return { totalMs: total / 1000, byFunction: ranked(functions), byPackage: ranked(packages) }
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)
  if (modules) return modules.at(-1).replace('node_modules/', '')
  const workspace = url.match(/packages\/([^/]+)\/dist\/(.+?)\.js/)
  if (workspace) return `@sillage/${workspace[1]} ${workspace[2]}`
  if (url.startsWith('node:internal/deps/')) return `node:${url.split('/')[2]} (bundled)`
  if (url.startsWith('node:internal/')) return `node:internal/${url.split('/')[1].replace(/\.js$/, '')}`
  if (url.startsWith('node:')) return url.replace(/\.js$/, '')
  return shortUrl(url)
}

function shortUrl(url) {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/packages\//, '')
}
