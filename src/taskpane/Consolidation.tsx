// What "Tổng hợp từ các sheet" did: the sheets written (or why none), the units included and left out (a
// left-out unit's errors select their cell on its sheet), and what was not summed. Sits under the pane's
// "Tổng hợp nhiều đơn vị" (h2): its headings are h3 and h4.
import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { cellName } from '../core/names';
import type { UnitError } from '../core/consolidate';
import type { ConsolidateOutcome } from '../excel/consolidate';
import type { Strings } from './i18n';
import { cellLabel } from './results';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  errors: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  error: {
    width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', fontWeight: tokens.fontWeightRegular,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ConsolidationProps {
  outcome: ConsolidateOutcome;
  t: Strings;
  onSelect: (name: string, sheet: string) => void;
}

export function Consolidation({ outcome, t, onSelect }: ConsolidationProps): React.JSX.Element {
  const styles = useStyles();
  const { written, unitSheets, included, excluded, skipped, passNotMet } = outcome;
  const headline = written
    ? t.consolidated(included.length, unitSheets.length, written.sheet, written.byUnitSheet)
    : unitSheets.length < 2 ? t.tooFewUnitSheets(unitSheets.length) : t.noUnitUsable(unitSheets.length);

  return (
    <section aria-label={t.consolidation} className={styles.root} data-testid="consolidation">
      <h3 className={styles.heading}>{t.consolidation}</h3>
      <Text>{headline}</Text>
      {skipped.length > 0 && <Text className={styles.muted}>{t.skippedSheets(skipped)}</Text>}

      {included.length > 0 && (
        <>
          <h4 className={styles.heading}>{t.includedUnits} ({included.length})</h4>
          <ul className={styles.list}>
            {included.map((u) => (
              <li key={u.source}>
                {t.unitOnSheet(u.unit, u.source)}
                {u.warnings > 0 && <Text className={styles.muted}> · {t.unitWarnings(u.warnings)}</Text>}
              </li>
            ))}
          </ul>
        </>
      )}

      {excluded.length > 0 && (
        <>
          <h4 className={styles.heading}>{t.excludedUnits} ({excluded.length})</h4>
          <ul className={styles.list}>
            {excluded.map((u) => (
              <li key={u.source}>
                <Text weight="semibold">{u.unit ? t.unitOnSheet(u.unit, u.source) : u.source}</Text>: {u.message}
                {u.errors.length > 0 && (
                  <ul className={styles.errors}>
                    {u.errors.map((e, i) => {
                      const sheet = e.sheet ?? u.source;
                      const name = targetOf(e);
                      return (
                        <li key={`${e.code}-${e.id}-${e.measure}-${i}`}>
                          <Button appearance="subtle" size="small" className={styles.error} onClick={() => onSelect(name, sheet)}>
                            {`${e.cell ? cellLabel(e.cell, sheet, undefined) : t.unitOnSheet(u.unit ?? sheet, sheet)}: ${e.message}`}
                          </Button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {written && <Text>{t.notSummed(outcome.levelsLeftEmpty.length, outcome.incomplete.length, outcome.averaged.length)}</Text>}
      {written && outcome.weightsMissing.map((w) => <Text key={w.id} className={styles.muted}>{t.weightsMissing(w.id, w.weight, w.missingFrom)}</Text>)}

      {passNotMet.length > 0 && (
        <>
          <h4 className={styles.heading}>{t.passNotMet} ({passNotMet.length})</h4>
          <ul className={styles.list}>
            {passNotMet.map((p) => <li key={p.id}>{t.passNotMetRow(p.id, p.units)}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** An error without a cell of its own points at its row's status cell, as in the findings. */
function targetOf(e: UnitError): string {
  return e.name ?? cellName('DG', e.id, e.measure);
}
