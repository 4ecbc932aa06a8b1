// "Dán danh sách chỉ tiêu": paste a resolution's list of targets, read it (readPlanText), review the proposed
// plan as a table — name, unit, target, the rule in words, a rule list and a target box per row — see the
// lines that were not read, then insert the template built from the edited plan. Nothing is guessed
// silently: every unread line is listed, and a plan the model would refuse says why before any insert.
import * as React from 'react';
import {
  Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Textarea, tokens,
} from '@fluentui/react-components';
import type { InsertRequest, WorkbookActions } from '../core/actions';
import { editRows, planForInsert, planProblem, readTarget, RULE_NAMES, targetText, withRule, withTarget } from '../core/planEdit';
import { PLAN_RULES, type PlanJson, type PlanRule } from '../core/planJson';
import { readPlanText, ruleInWords } from '../core/planText';
import { messageOf } from '../excel/errors';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: { overflowX: 'auto' },
  heading: { fontWeight: tokens.fontWeightSemibold },
  words: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PastePlanProps {
  actions: WorkbookActions;
  /** Year, period and unit from the pane's fields; null when the year is not valid (the field says why). */
  request: () => Omit<InsertRequest, 'plan'> | null;
  disabled?: boolean;
}

type Outcome = { intent: 'success' | 'warning' | 'error'; text: string };

export function PastePlan({ actions, request, disabled = false }: PastePlanProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const [text, setText] = React.useState('');
  const [plan, setPlan] = React.useState<PlanJson | null>(null);
  /** Targets being typed, by id: kept as typed until they read as a figure. */
  const [typing, setTyping] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const read = () => {
    const p = readPlanText(text);
    setPlan(p);
    setTyping({});
    setOutcome(null);
  };
  const rows = React.useMemo(() => (plan ? editRows(plan) : []), [plan]);
  const problem = React.useMemo(() => (plan && rows.some((r) => !r.entry.tieuDe) ? planProblem(plan) : null), [plan, rows]);
  const entries = rows.filter((r) => !r.entry.tieuDe).length;

  const typeTarget = (rowId: string, value: string) => {
    setTyping((t) => ({ ...t, [rowId]: value }));
    const r = readTarget(value);
    if (r && plan) setPlan(withTarget(plan, rowId, r.target));
  };

  const insert = async () => {
    const base = request();
    if (!plan || !base) return;
    setBusy(true);
    setOutcome(null);
    try {
      const o = await actions.insertTemplate({ ...base, plan: planForInsert(plan) });
      if (o.kind === 'inserted') setOutcome({ intent: 'success', text: `Đã chèn biểu mẫu ${entries} chỉ tiêu vào sheet "${o.sheetName}". Nhập số vào các ô màu vàng rồi bấm Kiểm tra.` });
      else if (o.kind === 'sheet-exists') setOutcome({ intent: 'warning', text: `Đã có sheet "${o.sheetName}"; không ghi đè. Đổi tên sheet đó rồi chèn lại.` });
      else setOutcome({ intent: 'warning', text: 'File này đã có biểu mẫu: chèn biểu từ danh sách vào một file mới.' });
    } catch (err) {
      setOutcome({ intent: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.box}>
      <Field label="Dán danh sách chỉ tiêu của nghị quyết (chép từ Word hoặc PDF)">
        <Textarea value={text} rows={6} resize="vertical" onChange={(_, d) => setText(d.value)} />
      </Field>
      <div><Button disabled={disabled || !text.trim()} onClick={read}>Đọc</Button></div>

      {plan && (
        <>
          <p role="status">{`Đọc được ${entries} chỉ tiêu${plan.khongDoc?.length ? `, ${plan.khongDoc.length} dòng chưa đọc được` : ''}. Xem lại và sửa quy tắc, số kế hoạch nếu cần.`}</p>
          {rows.length > 0 && (
            <div className={styles.scroll}>
              <Table size="small" aria-label="Kế hoạch đề xuất">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>TT</TableHeaderCell>
                    <TableHeaderCell>Chỉ tiêu</TableHeaderCell>
                    <TableHeaderCell>Đơn vị</TableHeaderCell>
                    <TableHeaderCell>Kế hoạch</TableHeaderCell>
                    <TableHeaderCell>Yêu cầu</TableHeaderCell>
                    <TableHeaderCell>Quy tắc</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map(({ id: rowId, entry: e }) => (e.tieuDe ? (
                    <TableRow key={rowId}>
                      <TableCell>{rowId}</TableCell>
                      <TableCell className={styles.heading}>{e.tenChiTieu}</TableCell>
                      <TableCell /><TableCell /><TableCell /><TableCell />
                    </TableRow>
                  ) : (
                    <TableRow key={rowId} data-testid={`plan-row-${rowId}`}>
                      <TableCell>{rowId}</TableCell>
                      <TableCell>{e.tenChiTieu}</TableCell>
                      <TableCell>{e.donViTinh}</TableCell>
                      <TableCell>
                        <Input size="small" style={{ width: '7em' }} aria-label={`Kế hoạch: ${e.tenChiTieu}`}
                          value={typing[rowId] ?? targetText(e)} onChange={(_, d) => typeTarget(rowId, d.value)} />
                      </TableCell>
                      <TableCell className={styles.words} data-testid={`rule-words-${rowId}`}>{ruleInWords(e)}</TableCell>
                      <TableCell>
                        <Select size="small" aria-label={`Quy tắc: ${e.tenChiTieu}`} value={e.quyTac ?? 'min'}
                          onChange={(_, d) => { setPlan(withRule(plan, rowId, d.value as PlanRule)); setTyping((t) => { const { [rowId]: _gone, ...rest } = t; void _gone; return rest; }); }}>
                          {PLAN_RULES.map((r) => <option key={r} value={r}>{RULE_NAMES[r]}</option>)}
                        </Select>
                      </TableCell>
                    </TableRow>
                  )))}
                </TableBody>
              </Table>
            </div>
          )}
          {plan.khongDoc && plan.khongDoc.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <span id={`${id}-unread`}>Các dòng có số chưa đọc được (không đưa vào kế hoạch — thêm vào biểu bằng tay nếu cần):</span>
                <ul className={styles.list} aria-labelledby={`${id}-unread`} data-testid="unread">
                  {plan.khongDoc.map((k) => <li key={`${k.dong}-${k.van}`}>{`Dòng ${k.dong}: ${k.van}`}</li>)}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {problem && <MessageBar intent="error" layout="multiline"><MessageBarBody>{`Chưa chèn được: ${problem}`}</MessageBarBody></MessageBar>}
          <div>
            <Button appearance="primary" disabled={disabled || busy || entries === 0 || problem !== null} onClick={() => void insert()}>
              Chèn biểu mẫu từ danh sách này
            </Button>
          </div>
        </>
      )}
      {outcome && <MessageBar intent={outcome.intent} layout="multiline"><MessageBarBody>{outcome.text}</MessageBarBody></MessageBar>}
    </div>
  );
}
