import { relative } from 'node:path'
import type { CollectorKeys } from '../config/collector-keys.js'

export interface BannerFacts {
  url: string
  storeDescription: string
  keys: CollectorKeys
  identityVerification: boolean
  allowedOrigins: readonly string[]
}

/**
 * What the CLI prints once it listens: where it is, what it stores into, the keys,
 * and the script tag to paste into a site.
 *
 * @example
 * console.log(startupBanner({ url, storeDescription: store.description, keys, identityVerification: false, allowedOrigins: ['*'] }))
 */
export function startupBanner(facts: BannerFacts): string {
  const { keys } = facts
  const keyFile = relative(process.cwd(), keys.keyFile) || keys.keyFile
  const secret = keys.fromKeyFile.secretKey
    ? `${keys.secretKey}   (kept in ${keyFile}; keep it private)`
    : '(given by --secret-key or SILLAGE_SECRET_KEY; never printed)'
  const writeKeyNote = keys.fromKeyFile.writeKey ? `   (dev key kept in ${keyFile})` : ''
  return [
    `Sillage collector listening on ${facts.url}`,
    `  store:                 ${facts.storeDescription}`,
    `  write keys:            ${keys.writeKeys.join(', ')}${writeKeyNote}`,
    `  secret key:            ${secret}`,
    `  allowed origins:       ${facts.allowedOrigins.join(', ')}`,
    `  identity verification: ${facts.identityVerification ? 'on' : 'off'}`,
    `  console:               ${facts.url}/console   (sign in with the secret key)`,
    '',
    'Paste this into the <head> of your pages:',
    '  <script>window.sillage=window.sillage||[];</script>',
    `  <script async src="${facts.url}/sillage.js" data-write-key="${keys.writeKeys[0]}"></script>`,
    '',
  ].join('\n')
}
