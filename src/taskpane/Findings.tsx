// The findings of the last check, in the order a person fixes them: errors, then rows not achieved, then
// values to look at again — each group in sheet order; rows still without data folded into one line. A
// click selects the cell in the workbook. Codes and defined names only under "Chi tiết kỹ thuật".
import * as React from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Strings } from './i18n';
import { cellLabel, type ItemKind, type NoDataRow, type ResultItem, type Results } from './results';

const useStyles = makeStyles({
  group: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', minWidth: 0,
    paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular,
  },
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  // Three hues a reader tells apart (and each group has its heading): red, purple, amber.
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorderActive}` },
  shortfall: { borderLeft: `4px solid ${tokens.colorPaletteGrapeBorderActive}` },
  review: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  where: { color: tokens.colorNeutralForeground3 },
  entry: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalXS },
  message: { paddingLeft: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalXS },
  line: { margin: 0, overflowWrap: 'anywhere' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  fold: { width: '100%', justifyContent: 'flex-start', minWidth: 0 },
});

const KINDS: ItemKind[] = ['error', 'shortfall', 'review'];

export interface FindingsProps {
  results: Results;
  t: Strings;
  /** The sheet checked: addresses on it are shown bare, as Excel does. */
  sheet: string | undefined;
  technical: boolean;
  onSelect: (name: string, sheet?: string) => void;
}

export function Findings({ results, t, sheet, technical, onSelect }: FindingsProps): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const title: Record<ItemKind, string> = { error: t.groupError, shortfall: t.groupShortfall, review: t.groupReview };
  const listId = React.useId();
  return (
    <>
      {results.items.length === 0 && <Text>{t.noFindings}</Text>}
      {KINDS.map((kind) => {
        const items = results.items.filter((i) => i.kind === kind);
        if (items.length === 0) return null;
        return (
          <React.Fragment key={kind}>
            <h3 className={styles.group}>{title[kind]} ({items.length})</h3>
            <ul className={styles.list}>
              {items.map((item, i) => (
                <li key={`${item.id}-${item.measure ?? ''}-${item.cell ?? ''}-${i}`}>
                  <Item item={item} t={t} sheet={sheet} technical={technical} onSelect={onSelect} className={mergeClasses(styles.entry, styles[kind])} />
                </li>
              ))}
            </ul>
          </React.Fragment>
        );
      })}
      {results.noData.length > 0 && (
        <>
          <Button appearance="subtle" className={styles.fold} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} data-testid="no-data">
            {open ? '▾' : '▸'} {t.noDataLine(results.noData.length)}
          </Button>
          {open && (
            <ul id={listId} className={styles.list}>
              {results.noData.map((r) => <NoData key={`${r.id}-${r.measure ?? ''}`} row={r} t={t} sheet={sheet} technical={technical} onSelect={onSelect} className={styles.item} />)}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function Item({ item, t, sheet, technical, onSelect, className }: { item: ResultItem; t: Strings; sheet: string | undefined; technical: boolean; onSelect: FindingsProps['onSelect']; className: string }): React.JSX.Element {
  const styles = useStyles();
  const descId = React.useId();
  const where = item.cell ? t.cellAt(cellLabel(item.cell, item.sheet, sheet)) : t.rowOf;
  // The button's name is short and is what it shows (kind, indicator, cell); the message describes it.
  return (
    <div className={className}>
      <Button appearance="subtle" className={styles.item} aria-describedby={descId} onClick={() => onSelect(item.target, item.sheet)} data-testid="finding">
        <span className={styles.body}>
          <span><span className={styles.hidden}>{t.kindWord[item.kind]}: </span><Text weight="semibold">{item.title}</Text></span>
          <Text size={200} className={styles.where}>{where}</Text>
        </span>
      </Button>
      <div id={descId} className={styles.message}>
        {item.messages.map((m, i) => <Text as="p" block key={i} className={styles.line}>{m}</Text>)}
        {technical && <Text as="p" block size={200} className={mergeClasses(styles.line, styles.where)}>{[...new Set([...item.names, ...item.codes])].join(' · ')}</Text>}
      </div>
    </div>
  );
}

function NoData({ row, t, sheet, technical, onSelect, className }: { row: NoDataRow; t: Strings; sheet: string | undefined; technical: boolean; onSelect: FindingsProps['onSelect']; className: string }): React.JSX.Element {
  const where = row.cell ? t.cellAt(cellLabel(row.cell, row.sheet, sheet)) : '';
  return (
    <li>
      <Button appearance="subtle" size="small" className={className} onClick={() => onSelect(row.target, row.sheet)}>
        {row.title}{where ? ` — ${where}` : ''}{technical ? ` · ${row.target}` : ''}
      </Button>
    </li>
  );
}
