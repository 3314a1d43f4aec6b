export { createTracker } from './tracker.js'
export type {
  Cart,
  CartItem,
  IdentifyInput,
  Persistence,
  Plugin,
  Properties,
  Tracker,
  TrackerOptions,
} from './types.js'
