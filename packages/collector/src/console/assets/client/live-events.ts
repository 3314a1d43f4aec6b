import { localiseTimes } from './localise-times.js'

/** Rows kept in a live table: an open tab on a busy site must not grow without end. */
const MAX_ROWS = 500

/**
 * The event log's live view: follows the page's stream of new events (server-sent events
 * from the change feed, already filtered like the page) and puts each new row at the top
 * of the table, once. Without this script the page keeps its "Refresh" link.
 *
 * @example
 * followLiveEvents(document)
 */
export function followLiveEvents(doc: Document): void {
  const holder = doc.querySelector<HTMLElement>('[data-live]')
  const table = doc.querySelector<HTMLTableElement>('table[data-live-table]')
  const body = table?.tBodies[0]
  if (!holder?.dataset.live || !table || !body || typeof EventSource !== 'function') return
  const status = holder.querySelector('[data-live-status]')
  const say = (text: string) => {
    if (status) status.textContent = text
  }
  const source = new EventSource(holder.dataset.live)
  source.addEventListener('open', () => say('Live: new events appear at the top as they arrive.'))
  source.addEventListener('error', () => {
    say(source.readyState === EventSource.CLOSED ? 'Live view stopped: refresh to see newer events.' : 'Reconnecting…')
  })
  source.addEventListener('event', (message) => {
    const parsed = doc.createElement('template')
    parsed.innerHTML = `<table><tbody>${(message as MessageEvent<string>).data}</tbody></table>`
    const row = parsed.content.querySelector<HTMLTableRowElement>('tr[data-message-id]')
    const id = row?.dataset.messageId
    if (!row || id === undefined || body.querySelector(`tr[data-message-id="${CSS.escape(id)}"]`)) return
    localiseTimes(row)
    body.prepend(row)
    table.hidden = false
    doc.querySelector('section.empty')?.remove()
    while (body.rows.length > MAX_ROWS) body.lastElementChild?.remove()
  })
  // Closed before the page goes, so leaving is not logged as a failed request.
  addEventListener('pagehide', () => source.close())
}
