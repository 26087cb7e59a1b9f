/** A YAML error as the parser placed it (1-based line and column). */
export interface PlacedYamlError {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const implicitKeyCodes = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string | undefined): line is string {
  return line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
}

/** 1-based number of the nearest content line after (step 1) or before (step -1) `line`. */
function nearestContent(lines: readonly string[], line: number, step: 1 | -1): number | undefined {
  for (let n = line + step; n >= 1 && n <= lines.length; n += step) {
    if (isContent(lines[n - 1])) return n;
  }
  return undefined;
}

/**
 * The yaml parser reports an over-indented line at the end of the line before it ("Implicit keys
 * need to be on a single line") and a mis-indented key again on every later key of its mapping
 * ("All mapping items must start at the same column"). This moves each report to the line whose
 * indentation is wrong, says so in words, and drops the repeats. Other errors pass unchanged.
 */
export function placeIndentationErrors(
  text: string,
  errors: readonly PlacedYamlError[],
): PlacedYamlError[] {
  const lines = text.split(/\r?\n/);
  const out: PlacedYamlError[] = [];
  const badIndentLines = new Set(errors.filter((e) => e.code === 'BAD_INDENT').map((e) => e.line));
  for (const error of errors) {
    if (implicitKeyCodes.has(error.code)) {
      const culprit = nearestContent(lines, error.line, 1);
      if (culprit === undefined) {
        out.push(error);
        continue;
      }
      const deeper = indentOf(lines[culprit - 1] ?? '');
      out.push({
        code: 'INDENTATION',
        line: culprit,
        column: deeper + 1,
        message: `indentation: this line is indented ${deeper} spaces, deeper than line ${error.line}, whose key already has a value; indent it like the keys around it`,
      });
      continue;
    }
    if (error.code === 'BAD_INDENT') {
      // Later keys of the same mapping repeat the first report.
      if (
        badIndentLines.has(error.line - 1) ||
        badIndentLines.has(nearestContent(lines, error.line, -1) ?? -1)
      )
        continue;
      const before = nearestContent(lines, error.line, -1);
      const expected = before === undefined ? 0 : indentOf(lines[before - 1] ?? '');
      const given = indentOf(lines[error.line - 1] ?? '');
      out.push({
        code: 'INDENTATION',
        line: error.line,
        column: given + 1,
        message: `indentation: this key starts at column ${given + 1}, but the key on line ${before ?? 1} starts at column ${expected + 1}; keys of one mapping must start at the same column`,
      });
      continue;
    }
    out.push(error);
  }
  return out;
}
