// Reading a plan from the resolution's own words (issue 12). Pure: text in, plan JSON out.
export { readPlanText, entriesInOrder } from './read';
export { planJsonText, ruleInWords } from './words';
