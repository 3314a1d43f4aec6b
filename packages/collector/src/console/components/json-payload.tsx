/**
 * A JSON value, collapsed behind its summary line until opened (`<details>` needs no script).
 *
 * @example
 * <JsonPayload summary="Payload" value={{ properties, context }} />
 */
export function JsonPayload(props: { summary: string; value: unknown; open?: boolean }) {
  return (
    <details class="payload" open={props.open}>
      <summary>{props.summary}</summary>
      {/* Focusable: a long payload scrolls, and keyboard users must be able to scroll it too. */}
      <pre tabindex={0} aria-label={props.summary}>
        <code>{JSON.stringify(props.value, null, 2)}</code>
      </pre>
    </details>
  )
}
