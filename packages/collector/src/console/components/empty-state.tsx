import type { Child } from 'hono/jsx'

/**
 * What an empty list says instead of nothing: why it is empty and what to do next.
 *
 * @example
 * <EmptyState title="No events yet">Paste the script tag…</EmptyState>
 */
export function EmptyState(props: { title: string; children?: Child }) {
  return (
    <section class="empty" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  )
}
