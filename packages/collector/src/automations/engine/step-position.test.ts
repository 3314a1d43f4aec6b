import type { AutomationStep } from '@sillage/protocol'
import { describe, expect, it } from 'vitest'
import { describePosition, enterBranch, nextPosition, stepAt } from './step-position.js'

const steps: AutomationStep[] = [
  { delay: '1h' },
  {
    waitFor: { event: 'ordered' },
    timeout: '2h',
    then: [{ exit: 'converted' }],
    else: [{ delay: '1s' }, { exit: 'gone' }],
  },
  { if: { attribute: 'vip', eq: true }, then: [], else: [{ exit: 'not vip' }] },
]

describe('step positions', () => {
  it('walks into branches, out of them, and past the end', () => {
    expect(stepAt(steps, [1, 1, 1])).toEqual({ exit: 'gone' })
    expect(nextPosition(steps, [0])).toEqual([1])
    expect(nextPosition(steps, [1, 1, 0])).toEqual([1, 1, 1])
    expect(nextPosition(steps, [1, 1, 1])).toEqual([2])
    expect(nextPosition(steps, [1, 0, 0])).toEqual([2])
    expect(nextPosition(steps, [2, 1, 0])).toBeNull()
    expect(enterBranch(steps, [1], 'else')).toEqual([1, 1, 0])
    expect(enterBranch(steps, [2], 'then')).toBeNull()
    expect(describePosition([1, 1, 0])).toBe('steps.1.else.0')
  })
})
