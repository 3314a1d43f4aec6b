/** The definition the builder starts from and the empty list shows: one of each common kind of condition. */
export const SEGMENT_EXAMPLE = {
  name: 'Repeat buyers',
  description: 'two orders in 30 days, in France',
  match: {
    all: [
      { event: 'order_completed', count: { gte: 2 }, within: '30d' },
      { attribute: 'country', eq: 'FR' },
    ],
  },
}

/** The example's condition as the builder's textarea shows it. */
export const SEGMENT_EXAMPLE_MATCH = JSON.stringify(SEGMENT_EXAMPLE.match, null, 2)
