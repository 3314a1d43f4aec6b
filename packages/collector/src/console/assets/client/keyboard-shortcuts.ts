const GO_TO: Record<string, string> = {
  o: '/console',
  e: '/console/events',
  c: '/console/contacts',
  s: '/console/segments',
  a: '/console/automations',
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))

/**
 * The console's keys: `/` focuses the filter or search box, `g` then `o`/`e`/`c`/`s`/`a` opens a
 * section, `j`/`k` move through the events of a table and `o` opens the selected one's
 * payload. Keys typed into a field are left alone.
 *
 * @example
 * installKeyboardShortcuts(document)
 */
export function installKeyboardShortcuts(doc: Document): void {
  let pendingG = false
  let selected = -1
  doc.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return
    const key = event.key
    if (pendingG) {
      pendingG = false
      const href = GO_TO[key]
      if (href) location.href = href
      return
    }
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('tr[data-event-row]')]
    if (key === 'g') pendingG = true
    else if (key === '/') {
      const box = doc.querySelector<HTMLInputElement>('[data-focus-key]')
      if (!box) return
      event.preventDefault()
      box.focus()
    } else if ((key === 'j' || key === 'k') && rows.length > 0) {
      rows[selected]?.removeAttribute('aria-selected')
      selected = Math.max(0, Math.min(rows.length - 1, selected + (key === 'j' ? 1 : -1)))
      const row = rows[selected]!
      row.setAttribute('aria-selected', 'true')
      row.querySelector('summary')?.focus()
    } else if (key === 'o' && rows[selected]) {
      const details = rows[selected]!.querySelector('details')
      if (details) details.open = !details.open
    }
  })
}
