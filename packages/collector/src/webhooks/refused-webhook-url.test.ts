import { describe, expect, it } from 'vitest'
import { refusedWebhookUrl } from './refused-webhook-url.js'

const refused = (url: string, allowPrivate = false) => refusedWebhookUrl(new URL(url), { allowPrivate })

describe('refusedWebhookUrl', () => {
  it('refuses addresses in refused ranges and localhost names on sight', () => {
    expect(refused('http://169.254.169.254/latest/meta-data/')).toMatch(/^169\.254\.169\.254 is a link-local address; /)
    expect(refused('http://[fd00::1]:8080/')).toMatch(/^fd00::1 is a unique-local address; /)
    expect(refused('http://2130706433/')).toMatch(/^127\.0\.0\.1 is a loopback address; /)
    expect(refused('http://LOCALHOST:3000/')).toMatch(/^localhost is a loopback name; /)
    expect(refused('http://api.localhost/')).toMatch(/^api\.localhost is a loopback name; /)
  })

  it('leaves names to the check at connect time, and everything when private addresses are allowed', () => {
    expect(refused('https://hooks.example.com/x')).toBeNull()
    expect(refused('https://93.184.215.14/x')).toBeNull()
    expect(refused('http://127.0.0.1:8080/', true)).toBeNull()
  })
})
