// The plan a template is inserted from — the built-in example (kế hoạch mẫu, the seed) or a plan file
// (.json, validated by core's readPlanFile: a bad file's one-line error shows on the field and nothing is
// inserted) — the period to insert for, and, after a check, the plan the results were judged against.
import * as React from 'react';
import { Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import type { CheckedPlan } from '../core/checked';
import { parsePeriod, PERIOD_LIST, periodCode, periodText, type PeriodChoice } from '../core/period';
import { PlanError } from '../core/planError';
import type { PlanJson } from '../core/planJson';

/** Vietnamese only, as the plan files are: kept here so the pane's string table needs no new entries. */
export const PLAN_TEXT = {
  plan: 'Kế hoạch',
  seed: 'Kế hoạch mẫu (có sẵn)',
  file: 'Tệp kế hoạch (.json)…',
  fileInput: 'Chọn tệp kế hoạch (.json)',
  fileNeeded: 'Chưa chọn tệp kế hoạch.',
  fileRead: (name: string, unit: string | null, n: number) => `Tệp "${name}"${unit ? `: ${unit}` : ''}, ${n} chỉ tiêu.`,
  stored: 'Kế hoạch lưu trong file đang mở',
  storedReading: 'Đang đọc kế hoạch lưu trong file…',
  storedNone: 'File đang mở chưa lưu kế hoạch nào (chưa chèn biểu mẫu từ một kế hoạch). Hãy chọn kế hoạch mẫu hoặc một tệp kế hoạch.',
  storedRead: (unit: string | null, year: number | null, n: number) => `Kế hoạch của file${unit ? `: ${unit}` : ''}${year ? `, năm ${year}` : ''}, ${n} chỉ tiêu.`,
  period: 'Kỳ báo cáo',
  judged: (p: CheckedPlan) => {
    const where = p.stored ? 'kế hoạch lưu trong file' : 'kế hoạch mẫu';
    const of = [p.unit, p.year ? `năm ${p.year}` : null].filter(Boolean).join(', ');
    return `Đánh giá theo ${where}${of ? ` (${of})` : ''}: ${p.targets} chỉ tiêu có mục tiêu.`;
  },
};

/** What the chooser hands the pane: the plan to insert from (none: the seed), or why there is none. */
export interface PlanChoice {
  /** The built-in example, a plan file, or the plan the open workbook stores. */
  kind: 'seed' | 'file' | 'workbook';
  plan?: PlanJson;
  /** The file's (or stored plan's) one-line error, or that none is read yet: inserting is refused while set. */
  error?: string;
}

export const SEED_CHOICE: PlanChoice = { kind: 'seed' };

interface PlanChooserProps {
  choice: PlanChoice;
  onChoice: (choice: PlanChoice) => void;
  period: PeriodChoice;
  onPeriod: (period: PeriodChoice) => void;
  /** Reads the plan the open workbook stores; absent: the choice is not offered. */
  readStored?: () => Promise<PlanJson | null>;
}

export function PlanChooser({ choice, onChoice, period, onPeriod, readStored }: PlanChooserProps): React.JSX.Element {
  const [fileNote, setFileNote] = React.useState('');
  const [storedNote, setStoredNote] = React.useState('');

  const readWorkbook = async () => {
    if (!readStored) return;
    setStoredNote('');
    onChoice({ kind: 'workbook', error: PLAN_TEXT.storedReading });
    try {
      const plan = await readStored();
      if (!plan) { onChoice({ kind: 'workbook', error: PLAN_TEXT.storedNone }); return; }
      setStoredNote(PLAN_TEXT.storedRead(plan.donVi ?? null, plan.nam ?? null, Object.keys(plan.chiTieu).length));
      onChoice({ kind: 'workbook', plan });
    } catch (err) {
      // A plan sheet edited into something unreadable (PlanError) or Excel refusing: said on the field.
      onChoice({ kind: 'workbook', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const choose = (kind: string) => {
    if (kind === 'seed') onChoice(SEED_CHOICE);
    else if (kind === 'workbook') void readWorkbook();
    else onChoice({ kind: 'file', error: PLAN_TEXT.fileNeeded });
  };

  const readFile = async (file: File | undefined) => {
    setFileNote('');
    if (!file) { onChoice({ kind: 'file', error: PLAN_TEXT.fileNeeded }); return; }
    const text = await file.text();
    try {
      // The plan-file reader and writer load when a file is chosen (bundle budget).
      const [{ readPlanFile }, { planJsonWithOrder }] = await Promise.all([import('../core/planFile'), import('../core/planWrite')]);
      const plan = readPlanFile(text);
      setFileNote(PLAN_TEXT.fileRead(file.name, plan.unit ?? null, plan.indicators.length));
      // Serialisable, its order kept: what the insert request carries to the workbook.
      onChoice({ kind: 'file', plan: planJsonWithOrder(plan) });
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      onChoice({ kind: 'file', error: err.message });
    }
  };

  return (
    <>
      <Field label={PLAN_TEXT.plan}>
        <RadioGroup value={choice.kind} onChange={(_, d) => choose(d.value)}>
          <Radio value="seed" label={PLAN_TEXT.seed} />
          {readStored && <Radio value="workbook" label={PLAN_TEXT.stored} />}
          <Radio value="file" label={PLAN_TEXT.file} />
        </RadioGroup>
      </Field>
      {choice.kind === 'workbook' && (
        <Text role="status" size={200} data-testid="stored-plan" {...(choice.error && choice.error !== PLAN_TEXT.storedReading ? { style: { color: 'var(--colorPaletteRedForeground1)' } } : {})}>
          {choice.error ?? storedNote}
        </Text>
      )}
      {choice.kind === 'file' && (
        <Field
          label={PLAN_TEXT.fileInput}
          {...(choice.error ? { validationState: 'error' as const, validationMessage: choice.error } : fileNote ? { validationState: 'success' as const, validationMessage: fileNote } : {})}
        >
          {/* A native input: the render form gives it the field's id, aria-invalid and aria-describedby. */}
          {(props) => <input {...props} type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />}
        </Field>
      )}
      <Field label={PLAN_TEXT.period}>
        {/* Each period, then its estimate ("Ước thực hiện 9 tháng"): the option's value is its code ("9t-uoc"). */}
        <Select value={periodCode(period.period, period.estimate)} onChange={(_, d) => onPeriod(parsePeriod(d.value) ?? { period: 'nam' })}>
          {PERIOD_LIST.map((c) => <option key={periodCode(c.period, c.estimate)} value={periodCode(c.period, c.estimate)}>{periodText(c.period, c.estimate)}</option>)}
        </Select>
      </Field>
    </>
  );
}

/** After a check: which plan the results are judged against. */
export function JudgedPlan({ plan }: { plan: CheckedPlan }): React.JSX.Element {
  return <Text size={200} data-testid="judged-plan">{PLAN_TEXT.judged(plan)}</Text>;
}
