// "Nhận dạng bảng có sẵn": the user's own report table on the active sheet (or the selection) recognised,
// shown for the user to confirm or correct — the columns found (letter and header words, a letter can be
// changed), the rows matched (each can be left out) and the rows not taken with why — then "Dùng bảng này"
// attaches the names; Kiểm tra then works on that sheet. Sits in the pane as its own h2 section.
import * as React from 'react';
import { Button, Checkbox, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import type { AdoptOutcome, RecognitionView, WorkbookActions } from '../core/actions';
import { cleanName, type Recognition, type TableColumn } from '../core/recognize';
import { messageOf } from '../excel/errors';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxHeight: '18em', overflowY: 'auto' },
  columns: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What each contract column is, in the user's words. */
export const COLUMN_WORDS: Record<TableColumn, string> = {
  TT: 'Số thứ tự', TEN: 'Chỉ tiêu', DVT: 'Đơn vị tính', KH: 'Kế hoạch', KHTT: 'Chỉ số kế hoạch (%)', TN: 'Cùng kỳ / năm trước',
  TH: 'Thực hiện', PT: '% so kế hoạch (bảng ghi)', CS: 'So cùng kỳ (bảng ghi)', DG: 'Đánh giá (bảng ghi)', GC: 'Ghi chú',
};

const RULE_WORDS: Record<string, string> = {
  min: 'càng cao càng tốt', max: 'mức trần', gt: 'phải trên', lt: 'phải dưới', reduce: 'giảm bao nhiêu điểm', decrease: 'phải giảm',
  increase: 'phải tăng', criteria: 'số tiêu chí', pass: 'Đạt/Chưa đạt', growth: 'giá trị và chỉ số', 'growth-rate': 'tốc độ tăng',
  structure: 'cơ cấu (không đánh giá)', info: 'số liệu (không đánh giá)',
};

export const OWN_TABLE_TITLE = 'Nhận dạng bảng có sẵn';

export interface OwnTableProps {
  actions: WorkbookActions;
  /** Another action of the pane is running. */
  disabled?: boolean;
}

export function OwnTable({ actions, disabled = false }: OwnTableProps): React.JSX.Element | null {
  const styles = useStyles();
  const id = React.useId();
  const [busy, setBusy] = React.useState(false);
  const [view, setView] = React.useState<RecognitionView | null>(null);
  const [excluded, setExcluded] = React.useState<Set<number>>(new Set());
  const [letters, setLetters] = React.useState<Partial<Record<TableColumn, string>>>({});
  const [outcome, setOutcome] = React.useState<AdoptOutcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  if (!actions.recognize || !actions.adoptTable) return null;
  const recognize = actions.recognize;
  const adopt = actions.adoptTable;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true); setError(null);
    try { await fn(); } catch (err) { setError(messageOf(err)); } finally { setBusy(false); }
  };
  const start = () => void run(async () => {
    setOutcome(null); setExcluded(new Set());
    const v = await recognize();
    setView(v);
    setLetters(v.ok ? { ...v.table.columns.letters } : {});
  });
  const confirm = (table: Recognition) => void run(async () => {
    const moved = Object.fromEntries(Object.entries(letters).filter(([k, l]) => l && l.toUpperCase() !== table.columns.letters[k as TableColumn]).map(([k, l]) => [k, l!.toUpperCase()]));
    setOutcome(await adopt(table, { excludeRows: [...excluded], columns: moved }));
  });
  const badLetter = Object.values(letters).some((l) => !/^[A-Za-z]{1,3}$/.test(l ?? ''));

  return (
    <section className={styles.section} aria-labelledby={`${id}-own`} data-testid="own-table">
      <h2 id={`${id}-own`} className={styles.h2}>{OWN_TABLE_TITLE}</h2>
      <Text className={styles.muted}>Dùng bảng báo cáo sẵn có của đơn vị (bố cục riêng): add-in đọc sheet đang mở — hoặc vùng đang chọn — và gắn tên ô để kiểm tra, không sửa số liệu nào.</Text>
      <div>
        <Button disabled={disabled || busy} onClick={start}>Nhận dạng bảng trên sheet đang mở</Button>
        {busy && <Spinner size="tiny" aria-hidden="true" />}
      </div>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {view && !view.ok && <MessageBar intent="warning" layout="multiline"><MessageBarBody>Không nhận dạng được bảng chỉ tiêu: {view.reason}</MessageBarBody></MessageBar>}
      {view?.ok && !outcome && (
        <>
          <Text>
            Sheet “{view.table.sheet}”{view.fromSelection ? ' (vùng đang chọn)' : ''}: tiêu đề ở dòng {view.table.headerRows.join(', ')},
            {' '}{view.table.rows.length} chỉ tiêu khớp, {view.table.unmatched.length} dòng không lấy.
            {view.mergesUnread ? ' Excel này không đọc được ô gộp: tiêu đề hai tầng được đọc theo chữ.' : ''}
          </Text>
          <h3 className={styles.h3}>Các cột tìm thấy</h3>
          <table className={styles.columns}>
            <thead><tr><th scope="col">Cột</th><th scope="col">Chữ cột</th><th scope="col">Tiêu đề trong bảng</th></tr></thead>
            <tbody>
              {(Object.keys(view.table.columns.letters) as TableColumn[]).map((k) => (
                <tr key={k}>
                  <th scope="row">{COLUMN_WORDS[k]}</th>
                  <td>
                    <Input size="small" style={{ width: '4em' }} aria-label={`Chữ cột ${COLUMN_WORDS[k]}`} value={letters[k] ?? ''}
                      onChange={(_, d) => setLetters((x) => ({ ...x, [k]: d.value }))} />
                  </td>
                  <td>{view.table.columns.headers[k] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className={styles.h3}>Chỉ tiêu khớp ({view.table.rows.length - excluded.size})</h3>
          <ul className={styles.list} aria-label="Chỉ tiêu khớp">
            {view.table.rows.map((r) => (
              <li key={`${r.row}-${r.measure ?? ''}`}>
                <Checkbox checked={!excluded.has(r.row)}
                  label={`Dòng ${r.row}: ${cleanName(r.name)}${r.unit ? ` (${r.unit})` : ''} — ${RULE_WORDS[r.rule] ?? r.rule}`}
                  onChange={(_, d) => setExcluded((x) => { const n = new Set(x); if (d.checked) n.delete(r.row); else n.add(r.row); return n; })} />
              </li>
            ))}
          </ul>
          {view.table.unmatched.length > 0 && (
            <>
              <h3 className={styles.h3}>Dòng không lấy ({view.table.unmatched.length})</h3>
              <ul className={styles.list} aria-label="Dòng không lấy">
                {view.table.unmatched.map((u) => <li key={u.row}>Dòng {u.row}: {u.text} — <span className={styles.muted}>{u.reason}</span></li>)}
              </ul>
            </>
          )}
          <div>
            <Button appearance="primary" disabled={disabled || busy || badLetter || view.table.rows.length === excluded.size} onClick={() => confirm(view.table)}>Dùng bảng này</Button>
          </div>
          {badLetter && <Text role="alert">Chữ cột phải là chữ cái như D hoặc AB.</Text>}
        </>
      )}
      {outcome && (
        <MessageBar intent={outcome.kind === 'adopted' ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>
            {outcome.kind === 'adopted'
              ? `Đã gắn ${outcome.names} tên ô vào sheet “${outcome.sheet}” (không sửa số liệu nào). Bấm “Kiểm tra” để kiểm tra bảng này.`
              : `Sheet “${outcome.sheet}” đã có tên ô ${outcome.name} (bảng đã được nhận dạng trước đây?): add-in không ghi đè tên của người dùng.`}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
