/** The two lines a site pastes into its `<head>`, as the collector prints them on start. */
export function scriptTagLines(options: { origin: string; writeKey: string }): string {
  return [
    '<script>window.sillage=window.sillage||[];</script>',
    `<script async src="${options.origin}/sillage.js" data-write-key="${options.writeKey}"></script>`,
  ].join('\n')
}

/**
 * The script tag to paste, ready to select and copy, with the write key it carries.
 *
 * @example
 * <ScriptTagSnippet origin="https://collect.example.com" writeKey="wk_live_1" />
 */
export function ScriptTagSnippet(props: { origin: string; writeKey: string }) {
  return (
    <div class="snippet">
      <p>
        Paste this into the <code>&lt;head&gt;</code> of your pages (write key <code>{props.writeKey}</code>, public by
        design):
      </p>
      <pre tabindex={0} aria-label="Script tag to paste">
        <code>{scriptTagLines(props)}</code>
      </pre>
    </div>
  )
}
