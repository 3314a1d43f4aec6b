/**
 * The console's tab icon, a wave on the brand colour. Declared by every page, so that the
 * browser does not ask the collector for a `/favicon.ico` it does not have.
 */
export const CONSOLE_FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/>' +
  '<path d="M4 20c4-6 8-6 12 0s8 6 12 0" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>'
