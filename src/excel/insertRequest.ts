// The template an insert request asks for: the built-in example, or the plan it carries (validated like a
// plan file: a bad one throws PlanError with its one-line message).
import type { InsertRequest } from '../core/actions';
import { planFromObject } from '../core/planRead';
import { buildTemplate, type TemplateModel } from '../template/model';

export function templateOfRequest(req: InsertRequest): TemplateModel {
  const plan = req.plan ? planFromObject(req.plan) : undefined;
  return buildTemplate({
    year: req.year, period: req.period, ...(req.estimate !== undefined ? { estimate: req.estimate } : {}), unit: req.unit, ...(req.sheetName ? { sheetName: req.sheetName } : {}),
    ...(plan ? { indicators: plan.indicators, headings: plan.headings, order: plan.order, baseYear: plan.baseYear } : {}),
  });
}
