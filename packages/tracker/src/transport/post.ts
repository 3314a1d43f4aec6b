/**
 * POSTs `body` to the collector as `text/plain` (fetch's default for a string body): a
 * CORS simple request, so no preflight round trip. Gives the collector's answer, or
 * undefined for a network error (or a `fetch` the page broke): the caller decides what a
 * missing answer means.
 *
 * @example
 * const response = await post('https://c.example/v1/batch?writeKey=wk', body, true)
 */
export async function post(url: string, body: string, keepalive?: boolean): Promise<Response | undefined> {
  try {
    return await fetch(url, { method: 'POST', body, keepalive })
  } catch {
    // network error: no answer
  }
}
