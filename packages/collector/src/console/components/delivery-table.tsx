import type { StoredDelivery } from '../../automations/records/stored-delivery.js'
import type { RecordedAttempt } from '../../webhooks/delivery-state.js'
import { TimeStamp } from './time-stamp.js'

export interface DeliveryTableProps {
  deliveries: StoredDelivery[]
  caption: string
  /** The console page the Replay button comes back to. */
  back: string
  /** Endpoint ids and what to call them: given, a column says where each message went (a run's messages). */
  endpointNames?: ReadonlyMap<string, string>
}

/** A message may be replayed once an attempt failed: at once, without waiting for the schedule. */
export const isReplayable = (delivery: StoredDelivery) =>
  delivery.status === 'failed' || (delivery.status === 'pending' && delivery.attempts.length > 0)

const attemptText = (attempt: RecordedAttempt) =>
  `${attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`}, ${attempt.durationMs} ms` +
  (attempt.error ? `: ${attempt.error}` : '')

/**
 * Webhook messages, newest first: their `webhook-id`, where delivery stands, every
 * attempt (time, status code, error), the next attempt, and Replay for those that failed.
 *
 * @example
 * <DeliveryTable deliveries={deliveries} caption="Messages to this endpoint" back={href} />
 */
export function DeliveryTable(props: DeliveryTableProps) {
  const names = props.endpointNames
  return (
    <div class="table-scroll">
      <table class="deliveries">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Message (webhook-id)</th>
            {names && <th scope="col">Endpoint</th>}
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.deliveries.map((delivery) => (
            <tr data-delivery={delivery.id}>
              <td>
                <code>{delivery.webhookId}</code>
              </td>
              {names && (
                <td>
                  <a href={`/console/webhooks/${encodeURIComponent(delivery.endpointId)}`}>
                    {names.get(delivery.endpointId) ?? delivery.endpointId}
                  </a>
                </td>
              )}
              <td>
                <span class={`status status-${delivery.status}`}>{delivery.status}</span>
              </td>
              <td>
                {delivery.attempts.length === 0 ? (
                  'none yet'
                ) : (
                  <ol class="attempts">
                    {delivery.attempts.map((attempt) => (
                      <li>
                        <TimeStamp iso={attempt.at} /> {attemptText(attempt)}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
              <td>{delivery.nextAttemptAt ? <TimeStamp iso={delivery.nextAttemptAt} /> : '—'}</td>
              <td>
                {isReplayable(delivery) && (
                  <form method="post" action={`/console/deliveries/${encodeURIComponent(delivery.id)}/replay`}>
                    <input type="hidden" name="back" value={props.back} />
                    <button type="submit" aria-label={`Replay ${delivery.webhookId}`}>
                      Replay
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
