import { localiseTimes } from './localise-times.js'

/** Quiet time after the last keystroke before the count is asked for: one request per pause, not per key. */
const DEBOUNCE_MS = 400

/**
 * The segment builder's live count: while the person types, posts the form (after a pause)
 * to its preview URL and shows the answer in the preview region, as the Preview button
 * does without the script. An answer that arrives after a newer request was sent is dropped.
 * Once the condition counts, the problems a refused save marked beside it are gone.
 *
 * @example
 * previewSegmentsAsTyped(document)
 */
export function previewSegmentsAsTyped(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-segment-preview]')
  const region = doc.querySelector<HTMLElement>('[data-preview-region]')
  const url = form?.dataset.segmentPreview
  if (!form || !region || !url || typeof fetch !== 'function') return
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0
  const preview = async () => {
    const sent = ++latest
    region.setAttribute('aria-busy', 'true')
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: 'same-origin',
      })
      const html = await response.text()
      if (sent !== latest) return
      // Redirected: the session ended, and the answer is the sign-in page, not a count.
      region.innerHTML = response.ok && !response.redirected ? html : '<p>Could not count right now: press Preview.</p>'
      localiseTimes(region)
      if (region.querySelector('[data-valid]')) clearFixedProblems(form)
    } catch {
      if (sent === latest) region.innerHTML = '<p>Could not count right now: press Preview.</p>'
    } finally {
      if (sent === latest) region.removeAttribute('aria-busy')
    }
  }
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(preview, DEBOUNCE_MS)
  })
}

function clearFixedProblems(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLTextAreaElement>('textarea[aria-invalid]')
  if (!field) return
  form.querySelector(`#${field.id}-problems`)?.remove()
  field.removeAttribute('aria-invalid')
  field.setAttribute('aria-describedby', `${field.id}-help`)
}
