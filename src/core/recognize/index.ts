// Table recognition (issue 13): what the adapters call. See types.ts for the shapes.
export { recognizeTable, toAdoptJson, type RecognizeOptions } from './recognize';
export { checkStated, gridFormats, statedFindings, statedVerdict, figuresOf, type StatedContext } from './stated';
export { verdictOf, type RowFigures } from './verdict';
export { guessRule, type GuessedRule } from './guessRule';
export { columnLetter, columnNumber, address } from './grid';
export * from './types';
export { recognitionSnapshot } from './snapshot';
export { checkRecognized, recognizedPlanRows, recognizedRows, cleanName, engineCanJudge, unitKind, type RecognizedCheckOptions } from './check';
export { ADOPTED_MARK, ADOPTED_COLUMNS, adoptedNames, corrected, excelName, fromAdoptedTable, toAdoptedTable, type AdoptCorrections, type AdoptedName, type AdoptedTable } from './adopted';
