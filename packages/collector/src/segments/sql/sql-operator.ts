/** SQL's spelling of each comparison op, for counts and for ordered values. */
export const sqlOperator = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const
