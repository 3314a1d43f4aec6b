// Bundles the SPA example for the browser: `npx rollup -c examples/spa/rollup.config.mjs`
// (the e2e global setup does it before the suite runs). `@sillage/tracker` resolves to the
// workspace package's built ESM, exactly what an app installing it from npm gets.
import { fileURLToPath } from 'node:url'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

export default {
  input: here('./src/main.ts'),
  output: { file: here('./dist/app.js'), format: 'es', sourcemap: true },
  plugins: [nodeResolve({ browser: true }), typescript({ tsconfig: here('./tsconfig.json'), noEmitOnError: true })],
}
