import { hideUrlPassword } from './hide-url-password.js'

export interface SecretsToHide {
  /** The `--store` URL: its password is hidden wherever it appears, encoded or not. */
  store: string
  secretKey?: string | null
  identitySecret?: string | null
}

/**
 * A function that makes any text fit for a log line: URL passwords become `***`, and so does
 * every occurrence of a secret this process was given, whatever message carries it (a
 * driver error may quote its connection settings).
 *
 * @example
 * const redact = logRedactor({ store: config.store, secretKey: config.secretKey })
 * console.error(redact(`cannot open the store ${config.store}: ${error.message}`))
 */
export function logRedactor(secrets: SecretsToHide): (text: string) => string {
  const values = new Set<string>()
  const password = passwordOf(secrets.store)
  if (password) {
    values.add(password)
    values.add(safeDecode(password))
  }
  if (secrets.secretKey) values.add(secrets.secretKey)
  if (secrets.identitySecret) values.add(secrets.identitySecret)
  // Longest first, so a secret that contains another is hidden whole.
  const hidden = [...values].filter((value) => value.length > 0).sort((a, b) => b.length - a.length)
  return (text) => hidden.reduce((redacted, value) => redacted.split(value).join('***'), hideUrlPassword(text))
}

function passwordOf(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:(.*)@[^@]*$/i.exec(url)
  return match?.[1] || null
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
