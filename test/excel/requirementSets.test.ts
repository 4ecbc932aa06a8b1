// Every Office.js member src/excel/ uses, resolved by the TypeScript checker to its declaration in
// @types/office-js and its "[Api set: ExcelApi x.y]": a member above the manifest's minimum must be used only
// where its feature is on. The guard convention (what the check accepts):
//   - inside `if (features.K) …`, the right side of `features.K && …`, the true branch of `features.K ? … : …`,
//     or after `if (!features.K) return …;` in the same block — where FEATURE_SETS[K] is at least that set;
//   - inside a named function all of whose callers in src/excel are themselves guarded;
//   - or on a statement whose leading comment says `requirement-set: allowed — <why>` (the allow-list).
// One Program for src/excel (plus one in-memory file that proves the check can fail).
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { FEATURE_SETS, type Features } from '../../src/excel/features';

const REPO = path.resolve(__dirname, '../..');
const EXCEL_DIR = path.join(REPO, 'src/excel');
const VIRTUAL = path.join(EXCEL_DIR, '__unguarded_probe__.ts');
const PROBE = `
export function unguarded(sheet: Excel.Worksheet, features: { freezePanes: boolean; validation: boolean }): void {
  sheet.freezePanes.freezeAt(sheet.getRange('A1:B2'));
  if (features.validation) sheet.freezePanes.unfreeze();
  if (features.freezePanes) sheet.getRange('A1').dataValidation.clear();
}
`;

const compare = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function manifestMinimum(): string {
  const m = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8'));
  if (!m) throw new Error('manifest.xml has no ExcelApi requirement');
  return m[1]!;
}

function program(): ts.Program {
  const files = fs.readdirSync(EXCEL_DIR).filter((f) => f.endsWith('.ts')).map((f) => path.join(EXCEL_DIR, f));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, strict: true, noEmit: true, resolveJsonModule: true, esModuleInterop: true, skipLibCheck: true, types: ['office-js'], lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === VIRTUAL ? ts.createSourceFile(name, PROBE, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === VIRTUAL || fileExists(name);
  return ts.createProgram([...files, VIRTUAL], options, host);
}

interface Use { file: string; line: number; member: string; set: string; node: ts.Node }

/** Members used by property access whose office-js declaration names an ExcelApi set above `minimum`. */
function usesAbove(p: ts.Program, minimum: string): Use[] {
  const checker = p.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of p.getSourceFiles()) {
    if (!path.resolve(sf.fileName).startsWith(EXCEL_DIR)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          const file = decl.getSourceFile();
          if (!file.fileName.includes('@types/office-js')) continue;
          const comments = ts.getLeadingCommentRanges(file.text, decl.getFullStart()) ?? [];
          const text = comments.map((c) => file.text.slice(c.pos, c.end)).join('\n');
          // "[Api set: ExcelApi 1.7]", or "[Api set: ExcelApi 1.1 for String,…; 1.7 for Array]": the first is the member's.
          const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text)?.[1] ?? (/\[Api set: ExcelApi\b/.test(text) ? '99' : null);
          if (set && compare(set, minimum) > 0) {
            const { line } = sf.getLineAndCharacterOfPosition(node.name.getStart(sf));
            uses.push({ file: path.relative(REPO, sf.fileName), line: line + 1, member: `${checker.typeToString(checker.getTypeAtLocation(node.expression))}.${node.name.text}`, set, node });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Feature keys `features.K` in an expression that turn the branch on (not negated), with their sets. */
function featureSets(expr: ts.Expression): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node, negated: boolean): void => {
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return visit(n.operand, !negated);
    if (ts.isPropertyAccessExpression(n) && n.name.text in FEATURE_SETS && !negated) out.push(FEATURE_SETS[n.name.text as keyof Features].version);
    ts.forEachChild(n, (c) => visit(c, negated));
  };
  visit(expr, false);
  return out;
}

/** `if (!features.K) return …;` */
function earlyReturnSets(stmt: ts.Statement): string[] {
  if (!ts.isIfStatement(stmt) || stmt.elseStatement) return [];
  const then = ts.isBlock(stmt.thenStatement) && stmt.thenStatement.statements.length === 1 ? stmt.thenStatement.statements[0]! : stmt.thenStatement;
  if (!ts.isReturnStatement(then) || !ts.isPrefixUnaryExpression(stmt.expression) || stmt.expression.operator !== ts.SyntaxKind.ExclamationToken) return [];
  return featureSets(stmt.expression.operand);
}

function guarded(p: ts.Program, node: ts.Node, set: string, seen = new Set<ts.Node>()): boolean {
  const checker = p.getTypeChecker();
  const enough = (sets: string[]) => sets.some((s) => compare(s, set) >= 0);
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    const sf = parent.getSourceFile();
    if (ts.isStatement(child as ts.Statement) && /requirement-set: allowed — \S/.test(sf.text.slice(child.getFullStart(), child.getStart(sf)))) return true;
    if (ts.isIfStatement(parent) && child === parent.thenStatement && enough(featureSets(parent.expression))) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && enough(featureSets(parent.left))) return true;
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue && enough(featureSets(parent.condition))) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      const before = parent.statements.slice(0, parent.statements.indexOf(child as ts.Statement));
      if (before.some((s) => enough(earlyReturnSets(s)))) return true;
    }
    const arrowHolder = (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer !== undefined && ts.isArrowFunction(parent.initializer);
    const named = ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || arrowHolder ? (parent as ts.NamedDeclaration).name : undefined;
    if (named && ts.isIdentifier(named)) {
      if (seen.has(parent)) return true; // recursion: judged by the other callers
      seen.add(parent);
      const target = checker.getSymbolAtLocation(named);
      const calls: ts.Node[] = [];
      for (const sf2 of p.getSourceFiles()) {
        if (!path.resolve(sf2.fileName).startsWith(EXCEL_DIR)) continue;
        const visit = (n: ts.Node): void => {
          if ((ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) && n !== named) {
            let s = checker.getSymbolAtLocation(n);
            if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
            if (s && target && (s === target || s.declarations?.[0] === target.declarations?.[0]) && !ts.isImportSpecifier(n.parent) && !ts.isExportSpecifier(n.parent)) calls.push(n);
          }
          ts.forEachChild(n, visit);
        };
        visit(sf2);
      }
      return calls.length > 0 && calls.every((c) => guarded(p, c, set, seen));
    }
  }
  return false;
}

describe('requirement sets: members above the manifest minimum are used only where their feature is on', () => {
  const minimum = manifestMinimum();
  const p = program();
  const uses = usesAbove(p, minimum);
  const show = (u: Use) => `${u.file}:${u.line} ${u.member} (ExcelApi ${u.set})`;

  test('the Program compiles src/excel against @types/office-js', () => {
    expect(minimum).toBe('1.4');
    const errors = ts.getPreEmitDiagnostics(p).filter((d) => d.category === ts.DiagnosticCategory.Error);
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    // The adapter does use richer members (freeze panes, validation, conditional formats, print setup, events, merged areas).
    expect(new Set(uses.filter((u) => !u.file.includes('__unguarded')).map((u) => u.set))).toEqual(new Set(['1.6', '1.7', '1.8', '1.9', '1.13']));
  });

  test('every use in src/excel is guarded by a feature check of a high enough set', () => {
    const bad = uses.filter((u) => !u.file.includes('__unguarded') && !guarded(p, u.node, u.set));
    expect(bad.map(show)).toEqual([]);
  });

  test('the check fails on unguarded use and on a guard of a lower set (an in-memory probe)', () => {
    const probe = uses.filter((u) => u.file.includes('__unguarded'));
    expect(probe.filter((u) => !guarded(p, u.node, u.set)).map((u) => `${u.line} ${u.member.replace(/^.*\./, '')}`).sort()).toEqual(['3 freezeAt', '3 freezePanes', '5 clear', '5 dataValidation']);
    expect(probe.filter((u) => guarded(p, u.node, u.set)).map((u) => `${u.line} ${u.member.replace(/^.*\./, '')}`).sort()).toEqual(['4 freezePanes', '4 unfreeze']);
  });
});
