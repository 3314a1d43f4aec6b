import type { z } from 'zod'

/**
 * Turns zod issues into sentences a person can act on: `"event: must not be empty"`.
 *
 * @example
 * const result = segmentEventSchema.safeParse(input)
 * if (!result.success) console.log(formatIssues(result.error.issues))
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
}
