/**
 * A GitHub-flavoured markdown table; numbers right-aligned.
 *
 * @example
 * markdownTable(['store', 'events/s'], [['memory', '12,300']], { align: ['l', 'r'] })
 */
export function markdownTable(header, rows, { align = [] } = {}) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '')))
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (row) =>
    `| ${row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`
  const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n')
}

/** 12345.6 → "12,346"; NaN/undefined → "–". */
export function formatInt(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–'
}

/** A figure with `digits` decimals, or "–". */
export function formatFixed(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '–'
}

/** 0.523 → "52 %". */
export function formatPercent(ratio) {
  return Number.isFinite(ratio) ? `${Math.round(ratio * 100)} %` : '–'
}
