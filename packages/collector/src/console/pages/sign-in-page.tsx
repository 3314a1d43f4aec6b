/**
 * The sign-in form: the collector's secret key, typed into a password field. `message`
 * says what went wrong with the previous try.
 *
 * @example
 * <SignInPage next="/console/events" message="That is not this collector's secret key." />
 */
export function SignInPage(props: { next: string; message?: string; notice?: string }) {
  return (
    <section class="sign-in">
      <h1>Sign in to the console</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.message && (
        <p class="error" role="alert" id="sign-in-error">
          {props.message}
        </p>
      )}
      <form method="post" action="/console/sign-in">
        <input type="hidden" name="next" value={props.next} />
        <label for="secret-key">Secret key</label>
        <input
          id="secret-key"
          name="secretKey"
          type="password"
          autocomplete="current-password"
          required
          autofocus
          aria-describedby={props.message ? 'sign-in-error secret-key-help' : 'secret-key-help'}
        />
        <p id="secret-key-help" class="help">
          The key the collector printed on start (<code>--secret-key</code> or <code>SILLAGE_SECRET_KEY</code>), not a
          write key.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </section>
  )
}
