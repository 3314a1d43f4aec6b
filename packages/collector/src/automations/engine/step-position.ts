import type { AutomationStep } from '@sillage/protocol'

/**
 * Where a run is in its automation: the index of a step in the top list, then for each
 * branch entered 0 (then) or 1 (else) and the index in that branch. `[1, 1, 0]` is the
 * first step of the `else` of the second step.
 */
export type StepPosition = number[]

/**
 * The step at a position, or undefined past the end of its list.
 *
 * @example
 * stepAt(automation.steps, [1, 1, 0]) // steps[1].else[0]
 */
export function stepAt(steps: readonly AutomationStep[], position: StepPosition): AutomationStep | undefined {
  let list = steps
  for (let i = 0; i + 1 < position.length; i += 2) {
    const step = list[position[i]!]
    if (step === undefined || !('then' in step)) return undefined
    list = position[i + 1] === 0 ? step.then : step.else
  }
  return list[position.at(-1)!]
}

/**
 * The position after a step: the next one in its list, or, past the end of a branch, the
 * step after the one that branched; null past the last step of the automation.
 *
 * @example
 * nextPosition(steps, [1, 1, 0]) // [2] when the else branch had one step
 */
export function nextPosition(steps: readonly AutomationStep[], position: StepPosition): StepPosition | null {
  let next = [...position.slice(0, -1), position.at(-1)! + 1]
  while (stepAt(steps, next) === undefined) {
    if (next.length === 1) return null
    next = next.slice(0, -2)
    next[next.length - 1]! += 1
  }
  return next
}

/**
 * The first step of a branch of the step at `position`, or where the run goes on when
 * that branch is empty.
 *
 * @example
 * enterBranch(steps, [0], 'else') // [0, 1, 0]
 */
export function enterBranch(
  steps: readonly AutomationStep[],
  position: StepPosition,
  branch: 'then' | 'else',
): StepPosition | null {
  const first = [...position, branch === 'then' ? 0 : 1, 0]
  return stepAt(steps, first) === undefined ? nextPosition(steps, position) : first
}

/**
 * A position as the run log writes it, e.g. `steps.0.else.0`.
 *
 * @example
 * describePosition([0, 1, 0]) // 'steps.0.else.0'
 */
export function describePosition(position: StepPosition): string {
  return ['steps', ...position.map((n, i) => (i % 2 === 0 ? String(n) : n === 0 ? 'then' : 'else'))].join('.')
}
