import { describe, expect, it } from 'vitest'
import { formatIssues } from '../format-issues.js'
import { webhookEndpointBodySchema } from './webhook-endpoint.js'

const problems = (input: unknown) => {
  const result = webhookEndpointBodySchema.safeParse(input)
  return result.success ? [] : formatIssues(result.error.issues)
}

describe('webhookEndpointBodySchema', () => {
  it('accepts a URL with a description and headers of the receiver, kept as sent', () => {
    const headers = { 'api-key': 'k-123', 'X-Team': 'growth' }
    const body = { url: 'https://crm.example.com/hooks/sillage?src=1', description: 'CRM', headers }
    expect(webhookEndpointBodySchema.parse(body)).toEqual(body)
  })

  it('explains what is wrong with a URL', () => {
    expect(problems({})).toEqual([
      'url: needs the URL deliveries are posted to, e.g. "https://example.com/hooks/sillage"',
    ])
    expect(problems({ url: 'crm.example.com/hook' })).toEqual([
      'url: "crm.example.com/hook" is not a URL: write it in full, e.g. "https://example.com/hooks/sillage"',
    ])
    expect(problems({ url: 'ftp://example.com/x' })).toEqual(['url: must be an http or https URL, not ftp:'])
    expect(problems({ url: 'https://user:pw@example.com/x' })).toEqual([
      'url: must not carry a user name or password: send credentials in "headers" instead',
    ])
    const long = `https://example.com/${'a'.repeat(2048)}`
    expect(problems({ url: long })).toEqual(['url: must be at most 2048 characters'])
  })

  it('refuses headers that would replace the signature, break the request, or are not strings', () => {
    expect(
      problems({
        url: 'https://example.com',
        headers: {
          'Webhook-Signature': 'v1,forged',
          'content-length': '1',
          'bad name': 'x',
          'x-ok': 42,
          'x-split': 'a\r\nb: c',
        },
      }),
    ).toEqual([
      'headers.Webhook-Signature: is set by every delivery itself and cannot be replaced',
      'headers.content-length: is set by every delivery itself and cannot be replaced',
      'headers.bad name: is not a valid header name: use letters, digits and "-"',
      'headers.x-ok: must be a string',
      'headers.x-split: must not contain line breaks or NUL characters',
    ])
    expect(problems({ url: 'https://example.com', headers: ['api-key'] })).toEqual([
      'headers: must be an object of header names and string values, e.g. {"api-key": "…"}',
    ])
  })

  it('keeps a "__proto__" header as an ordinary header', () => {
    const sent = JSON.parse('{"url": "https://example.com", "headers": {"__proto__": "x"}}')
    const body = webhookEndpointBodySchema.parse(sent)
    expect(Object.getPrototypeOf(body.headers)).toBe(Object.prototype)
    expect(Object.keys(body.headers!)).toEqual(['__proto__'])
  })

  it('refuses fields it does not know', () => {
    expect(problems({ url: 'https://example.com', secret: 'whsec_x' })).toEqual(['Unrecognized key: "secret"'])
  })
})
