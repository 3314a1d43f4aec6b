/**
 * The question "why is this contact in or out of the segment?": a GET form, so an
 * explanation is a link that can be shared.
 *
 * @example
 * <ExplainForm segmentId="seg_1" value="ada@example.com" />
 */
export function ExplainForm(props: { segmentId: string; value?: string }) {
  return (
    <form
      method="get"
      action={`/console/segments/${encodeURIComponent(props.segmentId)}/explain`}
      class="filters"
      aria-label="Explain a contact's membership"
    >
      <div>
        <label for="contact">Contact id, email or userId</label>
        <input id="contact" name="contact" type="search" value={props.value ?? ''} required data-focus-key />
      </div>
      <div class="actions">
        <button type="submit">Explain</button>
      </div>
    </form>
  )
}
