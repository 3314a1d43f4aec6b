/**
 * Why a form was refused, above the form, one line per problem (`path: message` for a
 * definition): announced at once to screen readers.
 *
 * @example
 * <FormProblems problems={['steps.0.delay: must be a duration such as "2h"']} />
 */
export function FormProblems(props: { problems: readonly string[] }) {
  if (props.problems.length === 0) return null
  return (
    <div class="error" role="alert" id="form-problems">
      <p>{props.problems.length === 1 ? 'This could not be saved:' : `${props.problems.length} problems to fix:`}</p>
      <ul>
        {props.problems.map((problem) => (
          <li>{problem}</li>
        ))}
      </ul>
    </div>
  )
}
