import type { Child } from 'hono/jsx'

/**
 * The confirmation step before deleting something: what goes, and the one button that
 * does it (a POST, so no link, prefetch or crawler can delete anything).
 *
 * @example
 * <ConfirmDeletePage title="Delete “Welcome”?" action={`${href}/delete`} back={href}>…</ConfirmDeletePage>
 */
export function ConfirmDeletePage(props: {
  title: string
  action: string
  back: string
  button: string
  children?: Child
}) {
  return (
    <section>
      <h1>{props.title}</h1>
      {props.children}
      <form method="post" action={props.action} class="danger">
        <button type="submit">{props.button}</button> <a href={props.back}>Cancel</a>
      </form>
    </section>
  )
}
