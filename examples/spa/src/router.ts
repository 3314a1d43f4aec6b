/**
 * The smallest client-side router that behaves like the real ones: links marked
 * `data-link` change the URL with `history.pushState`, the back button (`popstate`) renders
 * the previous route, and nothing reloads. Page views are not its business: the tracker's
 * `spa()` plugin sees the history changes by itself.
 */
export type Render = (url: URL) => void

export function startRouter(render: Render): { navigate(path: string): void } {
  const show = () => render(new URL(location.href))
  const navigate = (path: string) => {
    history.pushState(null, '', path)
    show()
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-link]')
    if (!(link instanceof HTMLAnchorElement) || event.metaKey || event.ctrlKey) return
    event.preventDefault()
    if (link.href !== location.href) navigate(link.pathname + link.search)
  })
  window.addEventListener('popstate', show)
  show()
  return { navigate }
}
