/*
 * The console's only script: enhancements over pages that work without it (local times,
 * keyboard shortcuts, the event log's live view, the segment builder's live count).
 * Loaded with `defer`; nothing here is needed to read or act.
 */
import { installKeyboardShortcuts } from './keyboard-shortcuts.js'
import { followLiveEvents } from './live-events.js'
import { localiseTimes, useLocalZoneInFilters } from './localise-times.js'
import { previewSegmentsAsTyped } from './segment-preview.js'

localiseTimes(document)
useLocalZoneInFilters(document)
installKeyboardShortcuts(document)
followLiveEvents(document)
previewSegmentsAsTyped(document)
