/**
 * A refusal or failure as a page: what happened and where to go from here.
 *
 * @example
 * <ErrorPage status={404} message='No contact with id "c_1".' />
 */
export function ErrorPage(props: { status: number; message: string }) {
  return (
    <section>
      <h1>{props.status === 404 ? 'Not found' : props.status >= 500 ? 'Something failed' : 'Request refused'}</h1>
      <p class="error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/console">Back to the overview</a>
      </p>
    </section>
  )
}
