// What a check needs, as one chunk the task pane loads on demand (src/excel/actions.ts): the check and its
// flags, clearing them, selecting a cell, and the live re-check.
export { checkAndFlag, clearFlags, selectCell } from './flags';
export { LiveCheck, watchTemplateSheets } from './liveCheck';
